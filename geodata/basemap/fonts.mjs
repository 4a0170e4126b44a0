// Fonts for MapLibre 6 `font-faces` and HTML @font-face (no glyph server).
// - Noto Sans 400/700, latin + latin-ext + vietnamese subsets: copied from
//   @fontsource/noto-sans@5.3.0 with the unicode-range of its own CSS.
// - Noto Sans SC 400: cut with subset-font@2.9.0 (harfbuzz wasm, offline) to
//   exactly the CJK characters the project uses, read at run time from
//     output/basemap.topojson (every string property), geodata/record/**/*.json, geodata/translations,
//     server/src/**/*.ts(x), client/src/**/*.ts(x)  (missing folders are fine).
//   Re-run `npm run fonts` whenever names change.
// - Every file also as TrueType (.ttf, named in fonts.json as `ttf`, with the code points it
//   really maps as `coverage`) for PDF embedding.
// Noto fonts: SIL Open Font License 1.1.
import fs from 'node:fs';
import path from 'node:path';
import fontverter from 'fontverter';
import subsetFont from 'subset-font';
import { log, NM, OUT, REPO } from './lib/common.mjs';

const FONTS = path.join(OUT, 'fonts');
const CJK_ONE =
  /[\u2E80-\u2FFF\u3000-\u303F\u3100-\u312F\u31A0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3134F}]/u;
const SC_FILE = 'noto-sans-sc-subset.woff2';

// CJK blocks incl. CJK punctuation and full-width forms.
const CJK =
  /[\u2E80-\u2FFF\u3000-\u303F\u3100-\u312F\u31A0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3134F}]/gu;

function walkFiles(dir, test, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walkFiles(p, test, out);
    else if (test(e.name)) out.push(p);
  }
  return out;
}

function sourceFiles() {
  return [
    path.join(OUT, 'basemap.topojson'),
    ...walkFiles(path.join(REPO, 'geodata', 'record'), (n) => n.endsWith('.json')),
    ...walkFiles(path.join(REPO, 'geodata', 'briefings'), (n) => n.endsWith('.json')),
    ...walkFiles(path.join(REPO, 'geodata', 'translations'), (n) => n.endsWith('.json')),
    ...walkFiles(path.join(REPO, 'server', 'src'), (n) => /\.tsx?$/.test(n)),
    ...walkFiles(path.join(REPO, 'client', 'src'), (n) => /\.tsx?$/.test(n)),
  ].filter((p) => fs.existsSync(p));
}

export function collectCjk() {
  const sources = sourceFiles();
  const chars = new Set();
  for (const p of sources) for (const m of fs.readFileSync(p, 'utf8').matchAll(CJK)) chars.add(m[0]);
  const list = [...chars].sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
  log(`fonts: ${list.length} CJK characters from ${sources.length} files`);
  return list;
}

// Symbols the project writes (→, ↔, ≈ …) that no Noto Sans file has: the browser finds them in a
// system font, a PDF cannot, so they go into the Chinese subset, whose font draws them.
async function collectSymbolsMissingFromNotoSans() {
  const covered = new Set();
  for (const weight of [400, 700])
    for (const subset of ['vietnamese', 'latin', 'latin-ext'])
      for (const cp of cmapCodepoints(
        await fontverter.convert(fs.readFileSync(`${NM}/@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff2`), 'sfnt'),
      ))
        covered.add(cp);
  const chars = new Set();
  for (const p of sourceFiles())
    for (const c of fs.readFileSync(p, 'utf8'))
      if (
        c.codePointAt(0) > 0x7f &&
        !CJK_ONE.test(c) &&
        !covered.has(c.codePointAt(0)) &&
        !/\p{M}|\p{Cc}|\p{Cf}|\p{Cs}|\p{Co}|\p{So}/u.test(c)
      )
        chars.add(c);
  return [...chars].sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
}

// Code points mapped by a font's cmap (formats 4 and 12), to check coverage.
export function cmapCodepoints(sfnt) {
  const dv = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const numTables = dv.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const r = 12 + i * 16;
    if (String.fromCharCode(...sfnt.subarray(r, r + 4)) === 'cmap') cmap = dv.getUint32(r + 8);
  }
  const set = new Set();
  const n = dv.getUint16(cmap + 2);
  for (let i = 0; i < n; i++) {
    const off = cmap + dv.getUint32(cmap + 4 + i * 8 + 4);
    const fmt = dv.getUint16(off);
    if (fmt === 4) {
      const segX2 = dv.getUint16(off + 6);
      const ends = off + 14,
        starts = ends + segX2 + 2;
      for (let s = 0; s < segX2 / 2; s++) {
        const end = dv.getUint16(ends + s * 2),
          start = dv.getUint16(starts + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) set.add(c);
      }
    } else if (fmt === 12) {
      const groups = dv.getUint32(off + 12);
      for (let g = 0; g < groups; g++) {
        const b = off + 16 + g * 12;
        for (let c = dv.getUint32(b); c <= dv.getUint32(b + 4); c++) set.add(c);
      }
    }
  }
  return set;
}

// "U+4E2D,U+56FD-56FE" from a sorted list of code points.
function toUnicodeRange(cps) {
  const parts = [];
  for (let i = 0; i < cps.length; i++) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1) j++;
    const h = (c) => c.toString(16).toUpperCase();
    parts.push(i === j ? `U+${h(cps[i])}` : `U+${h(cps[i])}-${h(cps[j])}`);
    i = j;
  }
  return parts.join(',');
}

// unicode-range of each fontsource subset file, read from its CSS.
function fontsourceRanges(cssFile) {
  const css = fs.readFileSync(cssFile, 'utf8');
  const out = {};
  for (const m of css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g)) out[m[1]] = m[2].trim();
  return out;
}

export async function buildFonts() {
  fs.mkdirSync(FONTS, { recursive: true });
  for (const f of fs.readdirSync(FONTS)) if (f.endsWith('.woff2') || f.endsWith('.ttf')) fs.rmSync(path.join(FONTS, f));
  const manifest = [];

  // Chinese subset.
  const symbols = await collectSymbolsMissingFromNotoSans();
  log(`fonts: symbols no Noto Sans file has, taken into the SC subset: ${symbols.join(' ')}`);
  const chars = [...collectCjk(), ...symbols];
  const src = fs.readFileSync(`${NM}/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff2`);
  const covered = cmapCodepoints(await fontverter.convert(src, 'sfnt'));
  const ok = chars.filter((c) => covered.has(c.codePointAt(0)));
  const missing = chars.filter((c) => !covered.has(c.codePointAt(0)));
  if (missing.length)
    log(
      `fonts: ${missing.length} characters not in the simplified-Chinese file, taken from fontsource's numbered chunks: ${missing.join('')}`,
    );
  const text = ok.join('');
  const out = await subsetFont(src, text, { targetFormat: 'woff2' });
  fs.writeFileSync(path.join(FONTS, SC_FILE), out);
  manifest.push({
    file: SC_FILE,
    family: 'Noto Sans SC',
    weight: 400,
    style: 'normal',
    unicodeRange: toUnicodeRange(ok.map((c) => c.codePointAt(0))),
    characters: text,
    source: '@fontsource/noto-sans-sc@5.3.0 (subset)',
    license: 'OFL-1.1',
  });
  log(`fonts: ${SC_FILE} ${(out.length / 1024).toFixed(1)} kB for ${ok.length} characters`);

  // Rare characters (e.g. 圹 in 川圹省) live only in fontsource's numbered
  // unicode-range chunks: cut one extra small file per chunk needed.
  if (missing.length) {
    const chunks = fontsourceRanges(`${NM}/@fontsource/noto-sans-sc/400.css`);
    const inRange = (cp, range) =>
      range.split(',').some((r) => {
        const [a, b] = r
          .trim()
          .replace(/^U\+/i, '')
          .split('-')
          .map((x) => parseInt(x, 16));
        return cp >= a && cp <= (b ?? a);
      });
    const byChunk = new Map();
    for (const c of missing) {
      const file = Object.keys(chunks).find((f) => inRange(c.codePointAt(0), chunks[f]));
      if (!file) {
        log(`fonts: WARNING no Noto Sans SC glyph for ${c}`);
        continue;
      }
      byChunk.set(file, (byChunk.get(file) || '') + c);
    }
    let n = 2;
    for (const [file, t] of byChunk) {
      const buf = await subsetFont(fs.readFileSync(`${NM}/@fontsource/noto-sans-sc/files/${file}`), t, { targetFormat: 'woff2' });
      const name = `noto-sans-sc-subset-${n++}.woff2`;
      fs.writeFileSync(path.join(FONTS, name), buf);
      manifest.push({
        file: name,
        family: 'Noto Sans SC',
        weight: 400,
        style: 'normal',
        unicodeRange: toUnicodeRange([...t].map((c) => c.codePointAt(0))),
        characters: t,
        source: `@fontsource/noto-sans-sc@5.3.0 ${file} (subset)`,
        license: 'OFL-1.1',
      });
      log(`fonts: ${name} ${(buf.length / 1024).toFixed(1)} kB for ${t}`);
    }
  }

  // Latin, latin-ext, Vietnamese, regular and bold.
  for (const weight of [400, 700]) {
    const ranges = fontsourceRanges(`${NM}/@fontsource/noto-sans/${weight}.css`);
    // Vietnamese first: its range overlaps latin-ext (Ă, Đ, Ơ, Ư…) and a
    // renderer that takes the first matching entry then uses the file made for it.
    for (const subset of ['vietnamese', 'latin', 'latin-ext']) {
      const file = `noto-sans-${subset}-${weight}-normal.woff2`;
      fs.copyFileSync(`${NM}/@fontsource/noto-sans/files/${file}`, path.join(FONTS, file));
      manifest.push({
        file,
        family: 'Noto Sans',
        weight,
        style: 'normal',
        subset,
        unicodeRange: ranges[file],
        source: '@fontsource/noto-sans@5.3.0',
        license: 'OFL-1.1',
      });
    }
  }
  // TrueType copies of every file, for the PDF briefing pack (pdf-lib embeds TrueType, not WOFF2),
  // and the code points each file really maps: a CSS unicode-range may name more (Noto Sans latin
  // names U+2191 and has no glyph for it), and a PDF has no other font to fall back on.
  for (const entry of manifest) {
    const ttf = entry.file.replace(/\.woff2$/, '.ttf');
    const sfnt = await fontverter.convert(fs.readFileSync(path.join(FONTS, entry.file)), 'truetype');
    fs.writeFileSync(path.join(FONTS, ttf), sfnt);
    entry.ttf = ttf;
    entry.coverage = toUnicodeRange([...cmapCodepoints(sfnt)].sort((a, b) => a - b));
  }
  // Licence text travels with the font files.
  fs.copyFileSync(`${NM}/@fontsource/noto-sans/LICENSE`, path.join(FONTS, 'OFL.txt'));
  fs.writeFileSync(path.join(FONTS, 'fonts.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  log(`fonts: wrote ${manifest.length} entries to fonts/fonts.json`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildFonts();
