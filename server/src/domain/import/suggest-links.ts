/**
 * Suggests, for each clause of a newly imported document, which features of the record it names and
 * what step (status, level) the wording gives them. Only suggestions: an editor reviews every one.
 *
 * Names are matched on whole words, Vietnamese with or without diacritics, Chinese as written, marker
 * numbers by pattern. The status comes from wording in the same sentence as the name (see
 * STATUS_PHRASES); when there is none the status is null, never a guess.
 */
import { foldForSearch } from '../fold-text';
import type { FeatureRecord } from '../schemas';
import { KIND_BY_ID, type KindId, type LevelId, STATUS_BY_ID, type StatusId } from '../vocabulary';
import type { RecordCheck } from './against-record';
import { DESIGNATIONS } from './designations';
import { headAt, placeSpans } from './new-place-mentions';
import { type PartnershipEntry, partnershipEntries, partnershipMentions } from './partnership-mentions';
import { quoteSpan, sentenceEnds } from './quote-around';
import type { IMPORT_RULES } from './reading-vocabulary';
import type { SegmentedClause } from './segment-document';
import { readTarget, type TargetReading } from './target-words';
import { compare, DASH, hasDiacritics, isDigits, isWordGap, type Token, tokenize, toneKey, type Word, wordsOf } from './words';

type SuggestedStatus = Exclude<StatusId, 'unknown'>;

export type LinkSuggestion = {
  clausePath: string[];
  featureId: string;
  /** The words found in the clause text, verbatim. */
  matched: string;
  by: 'name' | 'name_folded' | 'zh' | 'marker';
  status: SuggestedStatus | null;
  level: LevelId | null;
  /** Verbatim words of the clause that carry the status (or the level), null when none. */
  statusWords: string | null;
  confidence: 'high' | 'medium' | 'low';
  /** The sentence(s) of the clause holding the name and the status wording: the quote the editor starts from. */
  quote: string;
  evidence: {
    /** Character offsets in the clause's text of the name … */
    mention: [number, number];
    /** … and of the status wording, null when none. */
    cue: [number, number] | null;
    /** Which reading gave the status (see `Rule`). */
    rule: Rule;
  };
  /** Against the record as of the document's date (see against-record.ts); null when no date or no status. */
  check?: RecordCheck | null;
  /** A deadline the quote sets for an aim (target-words.ts): by when, its words, the status it aims at. */
  target: { by: string; cue: string; reach: TargetReading['reach'] } | null;
};

/** Why a status was suggested (reading-vocabulary.ts). */
type Rule = (typeof IMPORT_RULES)[number];

export type SuggestOptions = {
  /** A prebuilt index (see `buildLinkIndex`) when many documents are read against the same record. */
  index?: LinkIndex;
};

// ---------------------------------------------------------------------------------------------
// Names of features

/** Words that introduce a name ("cửa khẩu quốc tế Hữu Nghị") rather than belong to it. */
const DESIGNATOR_WORDS_TEXT = [
  'cửa',
  'khẩu',
  'quốc',
  'tế',
  'song',
  'phương',
  'chính',
  'phụ',
  'cặp',
  'lối',
  'mở',
  'thông',
  'quan',
  'chợ',
  'biên',
  'giới',
  'mậu',
  'mốc',
  'cột',
  'số',
  'cầu',
  'khu',
  'tỉnh',
  'thành',
  'phố',
  'huyện',
  'xã',
  'thị',
  'trấn',
  'đường',
  'tuyến',
  'điểm',
];
const DESIGNATOR_WORDS = new Set(DESIGNATOR_WORDS_TEXT.map(foldForSearch));
/** The designating words by their exact form: "của" (of) is not "cửa" (gate). */
const DESIGNATOR_KEYS = new Set([...DESIGNATOR_WORDS_TEXT].map(toneKey));
const isDesignator = (token: Token) => (hasDiacritics(token) ? DESIGNATOR_KEYS.has(token.key) : DESIGNATOR_WORDS.has(token.folded));

/** Capitalised words that may stand next to a name without being part of it (they open sentences). */
const NEIGHBOUR_WORDS = new Set(
  ['tại', 'qua', 'từ', 'về', 'với', 'và', 'của', 'phía', 'bên', 'hai', 'các', 'đến', 'đi', 'theo'].map(foldForSearch),
);
/** Words allowed between the parts of a pair or route after the dash: "– cửa khẩu Long Phú", "- huyện Mường Nhé". */
const LINK_DESIGNATORS = new Set(
  ['cửa', 'khẩu', 'lối', 'mở', 'thông', 'quan', 'thành', 'phố', 'huyện', 'tỉnh', 'xã', 'thị', 'trấn'].map(foldForSearch),
);
const COUNTRY_QUALIFIERS = [['việt', 'nam'], ['trung', 'quốc'], ['lào'], ['vn'], ['tq']].map((words) => words.map(foldForSearch));
/** Words that link a description ("qua", "tại", "của") and say nothing about which feature it is. */
const LINKING_WORDS = new Set(['qua', 'tại', 'của', 'ở', 'và', 'với', 'đến', 'từ'].map(foldForSearch));
const ROUTE_CONNECTORS = new Set(['đi', 'đến', 'tới'].map(foldForSearch));

const CROSSING_KINDS = new Set<KindId>(['gate_pair', 'channel', 'opening', 'market', 'special_road']);

type AliasEntry = {
  featureId: string;
  kind: KindId;
  /** The proper-name parts, separated in the text by a dash ("Tân Thanh – Pò Chài"). */
  parts: Word[][];
  /** Folded words that describe the feature ("khu hợp tác kinh tế …"), looked for before the name. */
  descriptor: string[];
  /** The describing words that set it apart from a crossing of the same name ("hợp tác kinh tế", not "cửa khẩu"). */
  distinct: string[];
  /** True when the name must be written with a capital (a proper name, not a description). */
  proper: boolean;
};

type ZhAlias = { featureId: string; text: string };

export type LinkIndex = {
  byFirstWord: Map<string, AliasEntry[]>;
  zh: ZhAlias[];
  markers: Map<string, string>;
  kinds: Map<string, KindId>;
  partnerships: PartnershipEntry[];
  /** Marker numbers locating each crossing ("1088/2", "1089"): adjacent markers tell channels apart. */
  markersOf: Map<string, string[]>;
  /** Folded province names: after a dash they locate a place ("Cửa khẩu Bản Vược – Lào Cai"). */
  provinces: Set<string>;
};

/** A place the clause names that the record lacks, with the step the wording gives it. */
export type PlaceSuggestion = {
  clausePath: string[];
  /** The name as the text writes it, its designation included ("lối thông quan Tân Thanh (Việt Nam) - Pò Chài (Trung Quốc)"). */
  name: string;
  kind: KindId;
  level: LevelId | null;
  status: SuggestedStatus | null;
  statusWords: string | null;
  quote: string;
  /** Folded first proper name: one card per place however often the document names it. */
  key: string;
  evidence: LinkSuggestion['evidence'];
};

const withoutParentheses = (text: string) => text.replace(/\s*[(（][^()（）]*[)）]/gu, '').trim();
const NAME_PART_SEPARATOR = /\s*[–—]\s*|\s+-\s+/u;

/**
 * A name part split into what describes it and the proper name: "Cửa khẩu quốc tế Hữu Nghị" →
 * "cửa khẩu quốc tế" + "Hữu Nghị"; "Đường sắt Nam Ninh" → "đường sắt" + "Nam Ninh". The proper name
 * starts at the first capitalised or numbered word after the first (which is capitalised as a title).
 */
function splitPart(part: string): { descriptor: Word[]; proper: Word[]; descriptive: boolean } {
  const beforeComma = (words: Word[], text: string) => {
    // "Lối mở Km3+4 Hải Yên, Móng Cái": the name ends at the comma.
    const commaFree = text.split(/,\s*/u);
    return commaFree.length > 1 ? words.slice(0, wordsOf(commaFree[0]).length) : words;
  };
  const words = beforeComma(wordsOf(part), part);
  if (words.length === 0) return { descriptor: [], proper: [], descriptive: false };
  // A designator opening the name ("Cầu Bắc Luân III") describes it, even capitalised as a title.
  const titled = words.length > 1 && words[0].upper && words[1].upper && !DESIGNATOR_WORDS.has(words[0].folded);
  let at = words.length === 1 || titled ? 0 : words.findIndex((w, i) => i > 0 && w.upper);
  // No capitalised name: a number may be the name ("… qua khu vực mốc 1119–1120").
  if (at < 0) at = words.findIndex((w, i) => i > 0 && w.digits);
  // Only description ("Cầu qua biên giới tại cửa khẩu"): the whole of it must be found, in any case.
  if (at < 0) return { descriptor: [], proper: words, descriptive: true };
  return { descriptor: words.slice(0, at), proper: words.slice(at), descriptive: false };
}

function aliasesOf(feature: FeatureRecord): AliasEntry[] {
  const entries: AliasEntry[] = [];
  const add = (parts: Word[][], descriptor: Word[], proper: boolean) => {
    if (parts.some((p) => p.length === 0)) return;
    entries.push({
      featureId: feature.id,
      kind: feature.kind,
      parts,
      descriptor: [...new Set(descriptor.map((w) => w.folded))],
      distinct: [...new Set(descriptor.map((w) => w.folded).filter((w) => !DESIGNATOR_WORDS.has(w) && !LINKING_WORDS.has(w)))],
      proper,
    });
  };
  const name = withoutParentheses(feature.name.vi).replace(/:/gu, ' ');
  const split = name.split(NAME_PART_SEPARATOR).map(splitPart);
  const parts = split.map((s) => s.proper);
  const descriptor = split[0].descriptor;
  const proper = !split[0].descriptive;
  add(parts, descriptor, proper);
  if (CROSSING_KINDS.has(feature.kind) && parts.length === 2) add([parts[1], parts[0]], descriptor, proper);
  if (CROSSING_KINDS.has(feature.kind)) {
    // One side named alone still names the crossing: "cửa khẩu Lý Vạn", "Hữu Nghị Quan".
    for (const side of feature.sides ?? []) {
      const own = splitPart(withoutParentheses(side.name.vi));
      if (own.proper.some((w) => w.upper)) add([own.proper], [...own.descriptor, ...descriptor], true);
    }
  }
  return entries;
}

const HAN_SUFFIX = /(?:口岸|通道|号界碑|边民互市点|互市点)$/u;
const hanOnly = (text: string) => /^\p{Script=Han}+$/u.test(text);

/** Chinese names: the full name, the pair either way round, each side, and stems of three or more characters. */
function zhAliasesOf(feature: FeatureRecord): ZhAlias[] {
  const texts = new Set<string>();
  const add = (text: string | null | undefined) => {
    if (text && /\p{Script=Han}/u.test(text) && [...text].length >= 3) texts.add(text);
  };
  const name = feature.name.zh ? withoutParentheses(feature.name.zh) : null;
  if (name) {
    const parts = name.split(/[—–\-－]/u).map((p) => p.trim());
    if (parts.every(hanOnly)) {
      add(name);
      const stems = parts.map((p) => p.replace(HAN_SUFFIX, '') || p);
      for (const dash of ['—', '–', '-', '－']) {
        add(stems.join(dash));
        add(parts.join(dash));
        if (feature.kind !== 'route') add([...stems].reverse().join(dash));
      }
    } else if (parts.length === 1) add(name);
  }
  // A partnership's sides are whole provinces or districts: their names alone do not name it.
  if (feature.kind !== 'pairing' && feature.kind !== 'cooperation') {
    for (const side of feature.sides ?? []) {
      add(side.name.zh);
      add(side.name.zh?.replace(HAN_SUFFIX, ''));
    }
  }
  return [...texts].map((text) => ({ featureId: feature.id, text }));
}

/** Everything the matcher needs from the record, built once. */
export function buildLinkIndex(features: readonly FeatureRecord[], provinceNames: readonly string[] = []): LinkIndex {
  const byFirstWord = new Map<string, AliasEntry[]>();
  const zh: ZhAlias[] = [];
  const markers = new Map<string, string>();
  const kinds = new Map<string, KindId>();
  for (const feature of features) {
    kinds.set(feature.id, feature.kind);
    if (feature.kind === 'marker') {
      const number = /(\d+(?:\/\d+)?)/u.exec(feature.name.vi)?.[1];
      if (number) markers.set(number, feature.id);
      continue;
    }
    // A commitment without a place is named by what it does ("thí điểm xây dựng cửa khẩu thông minh"), words any
    // sentence about a named gate may use: the reader never suggests it; an editor links a step to it by choice.
    if (feature.kind === 'programme') continue;
    for (const entry of aliasesOf(feature)) {
      const first = entry.parts[0][0].folded;
      const list = byFirstWord.get(first) ?? [];
      list.push(entry);
      byFirstWord.set(first, list);
    }
    zh.push(...zhAliasesOf(feature));
  }
  // Longest Chinese names first, so "友谊关口岸" is read before "友谊关".
  zh.sort((a, b) => b.text.length - a.text.length);
  const markerNumbers = new Map([...markers].map(([number, id]) => [id, number]));
  const markersOf = new Map<string, string[]>();
  for (const feature of features) {
    const numbers = feature.relations.flatMap((r) =>
      r.type === 'located_by' && markerNumbers.has(r.target) ? [markerNumbers.get(r.target) as string] : [],
    );
    if (numbers.length > 0) markersOf.set(feature.id, numbers);
  }
  const provinces = new Set(
    provinceNames.map((name) =>
      wordsOf(name)
        .map((w) => w.folded)
        .join(' '),
    ),
  );
  return { byFirstWord, zh, markers, kinds, partnerships: partnershipEntries(features), markersOf, provinces };
}

// ---------------------------------------------------------------------------------------------
// Finding names in a clause

type Mention = {
  featureIds: string[];
  from: number;
  /** Exclusive token index. */
  to: number;
  by: LinkSuggestion['by'];
  ambiguous: boolean;
  /** Named by its parties joined by these words (token span): a partnership that acts. */
  parties?: { from: number; to: number };
};

/** After a name part: skip "(Việt Nam)", require a dash (or "đi"/"đến" on routes), skip "cửa khẩu", "huyện" … */
function nextPartStart(tokens: Token[], at: number, route: boolean): number {
  let t = at;
  const token = tokens[t];
  if (!token) return -1;
  if (/[(（]/u.test(token.gapBefore)) {
    const qualifier = COUNTRY_QUALIFIERS.find((q) => q.every((w, k) => tokens[t + k]?.folded === w));
    if (!qualifier) return -1;
    t += qualifier.length;
    if (!tokens[t] || !/[)）]/u.test(tokens[t].gapBefore)) return -1;
  }
  if (!tokens[t]) return -1;
  if (DASH.test(tokens[t].gapBefore)) {
    // fine
  } else if (route && ROUTE_CONNECTORS.has(tokens[t].folded) && isWordGap(tokens[t].gapBefore)) {
    t += 1;
  } else return -1;
  while (tokens[t + 1] && LINK_DESIGNATORS.has(tokens[t].folded) && isWordGap(tokens[t + 1].gapBefore)) t += 1;
  return t;
}

function matchEntry(tokens: Token[], from: number, entry: AliasEntry): { to: number; folded: boolean } | null {
  const sentence = tokens[from].sentence;
  let t = from;
  let folded = false;
  for (let p = 0; p < entry.parts.length; p += 1) {
    if (p > 0) {
      t = nextPartStart(tokens, t, entry.kind === 'route');
      if (t < 0) return null;
    }
    const part = entry.parts[p];
    for (let k = 0; k < part.length; k += 1) {
      const token = tokens[t];
      if (!token || token.sentence !== sentence) return null;
      if (k > 0 && !(isWordGap(token.gapBefore) || (part[k].digits && token.gapBefore === '+'))) return null;
      const how = compare(token, part[k]);
      if (!how) return null;
      if (how === 'folded') folded = true;
      t += 1;
    }
  }
  return { to: t, folded };
}

/** A proper name must be written as one: "Cai" is not found in "Lào Cai", nor "Thanh Thủy" in "Thanh Thủy Hà". */
function standsAlone(tokens: Token[], from: number, to: number, entry: AliasEntry): boolean {
  if (!entry.proper) return true;
  const first = tokens[from];
  if (!first.upper && !isDigits(first.text) && !entry.parts[0][0].digits) {
    // A lower-case start is a common word ("tình hữu nghị"), unless a designator introduces it.
    return false;
  }
  const before = tokens[from - 1];
  if (before && isWordGap(first.gapBefore) && before.upper && !DESIGNATOR_WORDS.has(before.folded) && !NEIGHBOUR_WORDS.has(before.folded)) {
    return false;
  }
  const after = tokens[to];
  if (after && isWordGap(after.gapBefore) && after.upper && !DESIGNATOR_WORDS.has(after.folded) && !NEIGHBOUR_WORDS.has(after.folded)) {
    return false;
  }
  return true;
}

/**
 * Share of the feature's describing words found just before the name ("khu hợp tác kinh tế … Móng
 * Cái"): its distinctive words for routes, zones and bridges, all of them for crossings.
 */
function coverage(tokens: Token[], from: number, entry: AliasEntry): number {
  const words = CROSSING_KINDS.has(entry.kind) ? entry.descriptor : entry.distinct;
  if (words.length === 0) return 0;
  const seen = new Set<string>();
  for (let t = from - 1; t >= Math.max(0, from - 15) && tokens[t].sentence === tokens[from].sentence; t -= 1) seen.add(tokens[t].folded);
  return words.filter((w) => seen.has(w)).length / words.length;
}

type Candidate = { entry: AliasEntry; from: number; to: number; folded: boolean; coverage: number };

/** Whether a candidate can stand on its name alone, or needs its describing words around it. */
function acceptable(c: Candidate): boolean {
  const { entry } = c;
  if (entry.parts[0][0].digits) return c.coverage >= 0.5;
  if (entry.kind === 'pairing' || entry.kind === 'cooperation') return entry.parts.length >= 2;
  if (CROSSING_KINDS.has(entry.kind)) return true;
  if (entry.kind === 'route' && entry.parts.length >= 3) return true;
  return entry.distinct.length === 0 || c.coverage >= 0.5 || !entry.proper;
}

/**
 * Of the features named by the same words, the most specific: a route, zone or bridge whose
 * describing words surround the name wins over the gate pair the name also fits.
 */
function pickAmong(candidates: Candidate[]): Candidate[] {
  const specific = candidates.filter((c) => !CROSSING_KINDS.has(c.entry.kind));
  const pool = specific.length > 0 ? specific : candidates;
  const strong = pool.filter((c) => c.coverage >= 0.75);
  if (strong.length > 0) return strong;
  const best = Math.max(...pool.map((c) => c.coverage));
  if (best >= 0.5 || specific.length > 0) return pool.filter((c) => c.coverage === best);
  // No description around the bare name: the feature the bare name stands for (fewest describing words).
  const plainest = Math.min(...pool.map((c) => c.entry.descriptor.length));
  return pool.filter((c) => c.entry.descriptor.length === plainest);
}

/** Units whose name a crossing often shares: "thành phố Móng Cái", "thôn Chi Ma", "xã Bản Vược" are not the gate. */
const PLACE_UNITS = ['phố', 'huyện', 'xã', 'thôn', 'tỉnh', 'trấn', 'phường', 'châu'].map(toneKey);
/** Zones and estates named after a gate: "Khu kinh tế cửa khẩu Hoành Mô", "Khu công nghiệp Hải Yên". */
const ZONE_WORDS = [wordsOf('kinh tế'), wordsOf('công nghiệp')];

/** Whether the words before a crossing's name make it another thing of that name (a city, a zone). */
function namesAnotherThing(tokens: Token[], from: number): boolean {
  const before = tokens[from - 1];
  if (!before || !isWordGap(tokens[from].gapBefore)) return false;
  if (PLACE_UNITS.includes(before.key)) return true;
  // "thành phố hữu nghị Móng Cái - Đông Hưng": twinned cities.
  if (before.key === toneKey('nghị') && tokens[from - 2]?.key === toneKey('hữu') && PLACE_UNITS.includes(tokens[from - 3]?.key ?? ''))
    return true;
  let start = from;
  while (start > 0 && isDesignator(tokens[start - 1]) && isWordGap(tokens[start].gapBefore)) start -= 1;
  for (let t = Math.max(0, start - 3); t < from; t += 1)
    if (ZONE_WORDS.some((words) => words.every((w, k) => tokens[t + k]?.key === w.key))) return true;
  return false;
}

function nameMentions(tokens: Token[], index: LinkIndex): Mention[] {
  const candidates: Candidate[] = [];
  tokens.forEach((token, from) => {
    for (const entry of index.byFirstWord.get(token.folded) ?? []) {
      const found = matchEntry(tokens, from, entry);
      if (!found || !standsAlone(tokens, from, found.to, entry)) continue;
      if (CROSSING_KINDS.has(entry.kind) && namesAnotherThing(tokens, from)) continue;
      const candidate = { entry, from, to: found.to, folded: found.folded, coverage: coverage(tokens, from, entry) };
      if (acceptable(candidate)) candidates.push(candidate);
    }
  });
  const bySpan = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.from}:${c.to}`;
    const group = bySpan.get(key);
    if (group) group.push(c);
    else bySpan.set(key, [c]);
  }
  // Longest spans first: "Cầu đường bộ II Tà Lùng – Thủy Khẩu" is the bridge, not the gate inside it.
  const spans = [...bySpan.values()].sort((a, b) => b[0].to - b[0].from - (a[0].to - a[0].from) || a[0].from - b[0].from);
  const taken = new Uint8Array(tokens.length);
  const mentions: Mention[] = [];
  for (const group of spans) {
    const { from, to } = group[0];
    if (taken.subarray(from, to).some((t) => t === 1)) continue;
    taken.fill(1, from, to);
    const picked = pickAmong(group);
    const featureIds = [...new Set(picked.map((c) => c.entry.featureId))];
    const folded = picked.every((c) => c.folded);
    mentions.push({ featureIds, from, to, by: folded ? 'name_folded' : 'name', ambiguous: featureIds.length > 1 });
  }
  return mentions;
}

/** Index of the first token for which `test` holds (tokens are in order, `test` flips once); binary search. */
function firstToken(tokens: Token[], test: (token: Token) => boolean): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(tokens[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}

function zhMentions(text: string, tokens: Token[], index: LinkIndex): Mention[] {
  if (!/\p{Script=Han}/u.test(text)) return [];
  // Characters already claimed by a match, and matches by their span: linear in the text, however
  // often a name repeats (a list scan here made a long Chinese text quadratic).
  const covered = new Uint8Array(text.length);
  const bySpan = new Map<string, { featureIds: Set<string>; start: number; end: number }>();
  const found: { featureIds: Set<string>; start: number; end: number }[] = [];
  for (const alias of index.zh) {
    for (let at = text.indexOf(alias.text); at >= 0; at = text.indexOf(alias.text, at + 1)) {
      const end = at + alias.text.length;
      const same = bySpan.get(`${at}:${end}`);
      if (same) {
        same.featureIds.add(alias.featureId);
        continue;
      }
      if (covered.subarray(at, end).some((claimed) => claimed === 1)) continue;
      covered.fill(1, at, end);
      const match = { featureIds: new Set([alias.featureId]), start: at, end };
      bySpan.set(`${at}:${end}`, match);
      found.push(match);
    }
  }
  return found.map((f) => ({
    featureIds: [...f.featureIds],
    from: firstToken(tokens, (t) => t.end > f.start),
    to: firstToken(tokens, (t) => t.start >= f.end),
    by: 'zh' as const,
    ambiguous: f.featureIds.size > 1,
  }));
}

/** "mốc 1088/2", "mốc số 1088/2", "cột mốc 504", "Mốc biên giới số 2", "khu vực mốc 1104 – 1105", "1119-1120号界碑". */
function markerMentions(tokens: Token[], markerId: (number: string) => string | undefined): (Mention & { number: string })[] {
  const mentions: (Mention & { number: string })[] = [];
  const numberAt = (t: number): { number: string; to: number } | null => {
    if (!tokens[t] || !isDigits(tokens[t].text)) return null;
    if (tokens[t + 1] && tokens[t + 1].gapBefore === '/' && isDigits(tokens[t + 1].text)) {
      return { number: `${tokens[t].text}/${tokens[t + 1].text}`, to: t + 2 };
    }
    return { number: tokens[t].text, to: t + 1 };
  };
  const push = (number: string, from: number, to: number) => {
    const id = markerId(number);
    if (id) mentions.push({ featureIds: [id], from, to, by: 'marker', ambiguous: false, number });
  };
  tokens.forEach((token, t) => {
    const isMoc = token.folded === 'moc' && (!hasDiacritics(token) || token.key === toneKey('mốc'));
    if (isMoc) {
      const from = tokens[t - 1]?.folded === 'cot' && isWordGap(token.gapBefore) ? t - 1 : t;
      let at = t + 1;
      if (tokens[at]?.folded === 'bien' && tokens[at + 1]?.folded === 'gioi') at += 2;
      if (tokens[at]?.folded === 'so') at += 1;
      const first = numberAt(at);
      if (!first || !isWordGap(tokens[at].gapBefore)) return;
      push(first.number, from, first.to);
      const second = tokens[first.to] && DASH.test(tokens[first.to].gapBefore) ? numberAt(first.to) : null;
      if (second) push(second.number, first.to, second.to);
      return;
    }
    // Chinese: "1088/2号界碑", "1119-1120号界碑".
    if (token.han && token.text.startsWith('号界碑') && token.gapBefore === '') {
      const last = tokens[t - 1];
      if (!last || !isDigits(last.text)) return;
      const slash = tokens[t - 2] && last.gapBefore === '/' && isDigits(tokens[t - 2].text);
      const start = slash ? t - 2 : t - 1;
      push(slash ? `${tokens[t - 2].text}/${last.text}` : last.text, start, t + 1);
      const before = tokens[start - 1];
      if (before && isDigits(before.text) && DASH.test(tokens[start].gapBefore)) push(before.text, start - 1, start);
    }
  });
  return mentions;
}

// ---------------------------------------------------------------------------------------------
// Status wording

type PhraseKind =
  /** States a fact ("đã chính thức đi vào hoạt động"); read as a goal when the sentence aims at it. */
  | 'fact'
  /** A step being taken ("đang xây dựng"). */
  | 'plain'
  /** Aims at something ("thúc đẩy", "kiến nghị"); also turns later facts in the sentence into goals. */
  | 'goal';

type Phrase = { words: Word[]; status: SuggestedStatus; kind: PhraseKind };

/**
 * The wording read as each step. Longer phrases win where they overlap ("đã chính thức đi vào hoạt
 * động" over "đi vào hoạt động"). Bare verbs that also describe plans ("xây dựng", "mở") are not
 * here: alone they say nothing about where a feature stands.
 */
const PHRASE_TABLE: [SuggestedStatus, PhraseKind, string[]][] = [
  [
    'operating',
    'fact',
    [
      'đã chính thức đi vào hoạt động',
      'chính thức đi vào hoạt động',
      'đã đi vào hoạt động',
      'đi vào hoạt động',
      'đang hoạt động',
      'chính thức mở',
      'đã chính thức mở',
      'đã mở',
      'khai trương',
      'đã khai trương',
      'vận hành chính thức',
      'đưa vào vận hành',
      'vận hành',
      'khai thác hiệu quả',
      'duy trì',
    ],
  ],
  [
    'announced',
    'fact',
    [
      'công bố mở',
      'đã công bố',
      'lễ công bố mở',
      'lễ công bố',
      'lễ khai trương',
      'công bố nâng cấp',
      'công bố chính thức',
      'lễ khánh thành',
    ],
  ],
  ['accepted', 'fact', ['nghiệm thu', 'đã nghiệm thu', 'hoàn thành nghiệm thu', 'nghiệm thu xong']],
  ['built', 'fact', ['hoàn thành xây dựng', 'đã hoàn thành xây dựng', 'xây dựng xong', 'đã xây dựng xong', 'đã xây xong']],
  ['under_construction', 'fact', ['khởi công', 'đã khởi công']],
  [
    'under_construction',
    'plain',
    [
      'đang xây dựng',
      'đang thi công',
      'đẩy nhanh tiến độ xây dựng',
      'đẩy nhanh tiến độ',
      'đẩy nhanh xây dựng',
      'triển khai xây dựng',
      'xây dựng hoàn thiện',
      'hoàn thiện cơ sở hạ tầng',
    ],
  ],
  [
    'agreed',
    'goal',
    [
      'thúc đẩy mở',
      'nhất trí mở',
      'thống nhất mở',
      'đồng ý mở',
      'nhất trí',
      'thống nhất',
      'đồng ý',
      'thúc đẩy',
      'phấn đấu',
      'hoàn thiện thủ tục',
      'hoàn thiện các thủ tục',
      'hoàn thành các thủ tục',
      'hoàn thành thủ tục',
      'thí điểm xây dựng',
    ],
  ],
  [
    'proposed',
    'goal',
    [
      'kiến nghị',
      'đề xuất',
      'đề nghị',
      'nghiên cứu mở',
      'nghiên cứu xây dựng',
      'nghiên cứu',
      'khảo sát',
      'tham mưu cấp có thẩm quyền',
      'tham mưu',
      'báo cáo cấp có thẩm quyền',
      'báo cáo cơ quan chức năng có thẩm quyền',
      'báo cáo cơ quan cấp trên',
      'báo cáo cấp trên',
      'trình cấp có thẩm quyền',
      'trình phê duyệt',
      'xin phê duyệt',
      'xin chủ trương',
    ],
  ],
];

const NOUN_FACTS = ['lễ công bố', 'lễ khai trương', 'lễ khánh thành'].map(wordsOf);
const DEPLOY = wordsOf('triển khai xây dựng');
/** Verbs that say a ceremony took place: before it ("tổ chức Lễ công bố") or after it ("lễ công bố … diễn ra"). */
const HELD_BEFORE = ['tổ chức', 'diễn ra', 'cử hành', 'dự'].map(wordsOf);
const HELD_AFTER = ['diễn ra', 'được tổ chức', 'đã được tổ chức', 'đã diễn ra'].map(wordsOf);

function ceremonyHeld(tokens: Token[], found: Found): boolean {
  const sentence = tokens[found.from].sentence;
  for (let back = 1; back <= 3; back += 1) {
    const at = found.from - back;
    if (at < 0 || tokens[at].sentence !== sentence) break;
    if (HELD_BEFORE.some((words) => sameWords(tokens, at, words) && at + words.length <= found.from)) return true;
  }
  for (let at = found.to; at < tokens.length && tokens[at].sentence === sentence && at < found.to + 60; at += 1) {
    if (tokens[at - 1].key === toneKey('sẽ')) return false;
    if (HELD_AFTER.some((words) => sameWords(tokens, at, words))) return true;
  }
  return false;
}
const perfectiveWindow = 3;

/** Words that make what follows in the sentence an aim, not a fact ("phấn đấu … đi vào hoạt động"). */
const AIMS = [
  'sớm',
  'sẽ',
  'tiến tới',
  'chuẩn bị',
  'nhằm',
  'để',
  'dự kiến',
  'khẩn trương',
  'trước khi',
  'kế hoạch',
  'trao đổi tổ chức',
  'thời điểm tổ chức',
  'mục tiêu',
  // A target set for the step ("trong năm 2023 tổ chức Lễ công bố", "nửa đầu năm 2026 khởi công"): not done yet.
  'trong năm',
  'trong quý',
  'trong tháng',
  'nửa đầu năm',
  'nửa cuối năm',
  'trước ngày',
  'trước năm',
];

type PhraseIndex = Map<string, Phrase[]>;

function phraseIndex(): { phrases: PhraseIndex; aims: PhraseIndex } {
  const index = (list: Phrase[]) => {
    const map: PhraseIndex = new Map();
    for (const phrase of list) {
      const first = phrase.words[0].folded;
      map.set(
        first,
        [...(map.get(first) ?? []), phrase].sort((a, b) => b.words.length - a.words.length),
      );
    }
    return map;
  };
  const phrases = PHRASE_TABLE.flatMap(([status, kind, list]) => list.map((text) => ({ words: wordsOf(text), status, kind })));
  const aims = AIMS.map((text) => ({ words: wordsOf(text), status: 'agreed' as const, kind: 'goal' as const }));
  return { phrases: index(phrases), aims: index(aims) };
}

const PHRASES = phraseIndex();

type Found = { status: SuggestedStatus; kind: PhraseKind; from: number; to: number };

/** Exact words, or the same letters when the text carries no diacritics at all ("kien nghi"). */
function sameWords(tokens: Token[], at: number, words: Word[]): boolean {
  return words.every((word, k) => {
    const token = tokens[at + k];
    if (!token || token.sentence !== tokens[at].sentence || (k > 0 && !isWordGap(token.gapBefore))) return false;
    const how = compare(token, word);
    return how === 'exact' || (how === 'folded' && !hasDiacritics(token));
  });
}

function scan(tokens: Token[], index: PhraseIndex): Found[] {
  const found: Found[] = [];
  for (let t = 0; t < tokens.length; t += 1) {
    const phrase = (index.get(tokens[t].folded) ?? []).find((p) => sameWords(tokens, t, p.words));
    if (!phrase) continue;
    found.push({ status: phrase.status, kind: phrase.kind, from: t, to: t + phrase.words.length });
    t += phrase.words.length - 1;
  }
  return found;
}

/**
 * The step a phrase gives, read in its sentence: a fact that the sentence only aims at ("phấn đấu …
 * đi vào hoạt động", "thúc đẩy hoàn thiện kiểm tra nghiệm thu") becomes the aim: agreed (or proposed
 * when the aim is a proposal), and a pending acceptance means "built, awaiting acceptance".
 */
function readPhrase(found: Found, tokens: Token[], goals: Found[]): { status: SuggestedStatus; from: number; rule: Rule } {
  if (found.kind === 'goal') return { status: found.status, from: found.from, rule: found.kind };
  // A step said to be under way ("đang xây dựng", "thúc đẩy hoàn thiện cơ sở hạ tầng") is one even when
  // pushed on; only "triển khai xây dựng" (to set about building) may be aimed at.
  if (found.kind === 'plain' && !sameWords(tokens, found.from, DEPLOY)) return { status: found.status, from: found.from, rule: 'plain' };
  const here = tokens[found.from];
  const perfective = Array.from({ length: perfectiveWindow + 1 }, (_, back) => back).some(
    (back) => tokens[found.from - back]?.key === toneKey('đã'),
  );
  if (perfective) return { status: found.status, from: found.from, rule: 'fact' };
  // An aim earlier in the sentence governs the fact; across semicolons only when the fact does not open
  // its own clause ("…; khai thác hiệu quả đường bay …" is an instruction about a route that exists).
  const opensClause = tokens[found.from - 3] === undefined || tokens[found.from - 3].sentence !== here.sentence;
  // An aim that opens a list with a colon ("tham mưu cấp có thẩm quyền hai Bên: Sớm …; tổ chức công bố …")
  // governs every item of it, up to the full stop.
  const opensList = (g: Found) => {
    for (let t = g.to; t <= found.from && tokens[t].sentence === tokens[g.from].sentence; t += 1)
      if (/[:：]/u.test(tokens[t].gapBefore)) return true;
    return false;
  };
  const aim = goals
    .filter(
      (g) =>
        g.to <= found.from &&
        (tokens[g.from].sentence === here.sentence || (tokens[g.from].period === here.period && (!opensClause || opensList(g)))),
    )
    .pop();
  const ceremony = NOUN_FACTS.some((words) => sameWords(tokens, found.from, words));
  if (!aim) {
    // "Lễ công bố" names a ceremony: held when the sentence says so ("tổ chức Lễ công bố …", "lễ công bố … diễn
    // ra"), otherwise one of a list of things to do ("…; Lễ công bố mở cửa chính thức cửa khẩu Lý Vạn").
    if (ceremony && !ceremonyHeld(tokens, found)) return { status: 'agreed', from: found.from, rule: 'ceremony_planned' };
    return { status: found.status, from: found.from, rule: 'fact' };
  }
  if (aim.status === 'proposed') return { status: 'proposed', from: aim.from, rule: 'aimed' };
  if (ceremony) return { status: 'agreed', from: aim.from, rule: 'ceremony_planned' };
  return { status: found.status === 'accepted' ? 'built' : 'agreed', from: aim.from, rule: 'aimed' };
}

// ---------------------------------------------------------------------------------------------
// Levels

/** The designations that state a level, as written after "lên" / "thành" (not as a pair). */
const LEVEL_WORDS: [string[], LevelId][] = DESIGNATIONS.flatMap(([text, , level]): [string[], LevelId][] =>
  level && !text.startsWith('cặp ') ? [[text.split(' ').map(foldForSearch), level]] : [],
);

function levelAt(tokens: Token[], at: number): { level: LevelId; to: number } | null {
  for (const [words, level] of LEVEL_WORDS) {
    if (words.every((w, k) => tokens[at + k]?.folded === w && (k === 0 || isWordGap(tokens[at + k].gapBefore)))) {
      return { level, to: at + words.length };
    }
  }
  return null;
}

/** "nâng cấp <name> … lên/thành cửa khẩu quốc tế": the name is the upgrade's object, outside any aside in brackets. */
function upgradeLevel(tokens: Token[], mention: Mention): { level: LevelId; from: number; to: number } | null {
  const sentence = tokens[mention.from].sentence;
  let verb = -1;
  for (let t = mention.from - 1; t >= 0 && tokens[t].sentence === sentence; t -= 1) {
    if (tokens[t].folded === 'nang' && tokens[t + 1]?.folded === 'cap') {
      verb = t;
      break;
    }
  }
  if (verb < 0 || tokens[mention.from].depth > tokens[verb].depth) return null;
  for (let t = mention.to; t < tokens.length && tokens[t].sentence === sentence; t += 1) {
    if (tokens[t].folded !== 'len' && tokens[t].folded !== 'thanh') continue;
    let at = t + 1;
    if (tokens[at]?.folded === 'thanh') at += 1;
    if (tokens[at]?.folded === 'cap') at += 1;
    const found = levelAt(tokens, at);
    if (found) return { level: found.level, from: verb, to: found.to };
  }
  return null;
}

/** "thúc đẩy mở cặp cửa khẩu song phương Bình Nghi": opening wording, and the designator before the name. */
function designatedLevel(tokens: Token[], mention: Mention, statusFrom: number, statusTo: number): LevelId | null {
  // "mở" the verb (to open), not the noun "lối mở" (an opening) nor "mở rộng" (to widen).
  const opens = tokens
    .slice(statusFrom, statusTo)
    .some((t, i, run) => t.key === toneKey('mở') && run[i - 1]?.folded !== 'loi' && tokens[statusFrom + i + 1]?.folded !== 'rong');
  if (!opens) return null;
  // The designator run just before the name ("lối mở/chợ biên giới Lũng Làn"): its first designator.
  let start = mention.from;
  while (start > 0 && isDesignator(tokens[start - 1]) && /^[\s/]+$/u.test(tokens[start].gapBefore)) start -= 1;
  for (let t = start; t < mention.from; t += 1) {
    const found = levelAt(tokens, t);
    if (found && found.to <= mention.from) return found.level;
  }
  return null;
}

/** Words that end a designation run and make the crossing the object of a step: "mở", "nâng cấp", "xây dựng", "việc". */
const BLOCKS_IMPLIED = ['mở', 'cấp', 'dựng', 'việc', 'sát'].map(toneKey);
/** Before a designation: the crossing owns what the sentence is about ("… thuộc cửa khẩu quốc tế Hữu Nghị"). */
const OWNER_WORDS = ['thuộc', 'của', 'dụng'].map(toneKey);
const CROSSING_WORDS = [
  ['cửa', 'khẩu'],
  ['lối', 'thông', 'quan'],
  ['lối', 'mở'],
  ['chợ', 'biên', 'giới'],
  ['đường', 'chuyên', 'dụng'],
].map((words) => words.map(foldForSearch));

type Designation = { level: LevelId | null; from: number; to: number; owner: boolean };

/**
 * How the text designates a crossing it names: the run of designating words just before the name
 * ("cặp cửa khẩu quốc tế Hữu Nghị", "lối thông quan Nà Đoỏng") or a predicate after it ("Cửa khẩu Hữu
 * Nghị là cửa khẩu quốc tế …"). Null when there is none, or when the crossing is the object of a step
 * ("mở lối thông quan …", "nâng cấp cửa khẩu …").
 */
function designationOf(tokens: Token[], mention: Mention): Designation | null {
  let start = mention.from;
  while (start > 0 && isDesignator(tokens[start - 1]) && /^[\s/]+$/u.test(tokens[start].gapBefore)) start -= 1;
  const crossing = (at: number) => CROSSING_WORDS.some((words) => words.every((w, k) => tokens[at + k]?.folded === w));
  let named = false;
  for (let t = start; t < mention.from; t += 1) if (crossing(t)) named = true;
  const before = tokens[start - 1];
  const sameSentence = before !== undefined && before.sentence === tokens[mention.from].sentence && isWordGap(tokens[start].gapBefore);
  if (named) {
    if (sameSentence && BLOCKS_IMPLIED.includes(before.key)) return null;
    let level: LevelId | null = null;
    for (let t = start; t < mention.from && level === null; t += 1) level = levelAt(tokens, t)?.level ?? null;
    return { level, from: start, to: mention.to, owner: sameSentence && OWNER_WORDS.includes(before.key) };
  }
  // "X là (một) (cặp) cửa khẩu quốc tế": the predicate designates it.
  let at = mention.to;
  if (tokens[at]?.folded !== 'la' || tokens[at].sentence !== tokens[mention.from].sentence) return null;
  at += 1;
  if (tokens[at]?.folded === 'mot') at += 1;
  if (tokens[at]?.folded === 'cap') at += 1;
  if (!crossing(at)) return null;
  return { level: levelAt(tokens, at)?.level ?? null, from: mention.from, to: at + 2, owner: false };
}

// ---------------------------------------------------------------------------------------------
// Putting it together

type Reading = { status: SuggestedStatus | null; level: LevelId | null; from: number; to: number; near: boolean; rule: Rule };

/**
 * The status for a name: the nearest phrase before it in its comma part; else after it in that part
 * (the name is the subject: "… Tân Thanh – Pò Chài đã chính thức đi vào hoạt động"); else the nearest
 * before it in its clause (up to a semicolon); else a statement of fact after it; else, for the items
 * of a list ("…; Hai là, …"), the nearest before it in the sentence. A full stop ends the search.
 */
function readStatus(tokens: Token[], mention: Mention, phrases: Found[], goals: Found[], crossing: boolean): Reading {
  const here = tokens[mention.from];
  const sameSentence = phrases.filter((p) => tokens[p.from].sentence === here.sentence);
  const earlierInPeriod = phrases.filter((p) => tokens[p.from].period === here.period && p.to <= mention.from);
  const before = sameSentence.filter((p) => p.to <= mention.from);
  const after = sameSentence.filter((p) => p.from >= mention.to);
  const inPart = (p: Found) => tokens[p.from].part === here.part;
  // Further on in the sentence, only a statement of fact reads back onto the name ("X, Y đã đi vào hoạt động").
  const chosen =
    before.filter(inPart).pop() ??
    after.filter(inPart)[0] ??
    before[before.length - 1] ??
    after.find((p) => p.kind !== 'goal') ??
    earlierInPeriod[earlierInPeriod.length - 1] ??
    null;
  const upgrade = upgradeLevel(tokens, mention);
  const designation = upgrade || !crossing ? null : designationOf(tokens, mention);
  const read = chosen ? readPhrase(chosen, tokens, goals) : null;
  // A crossing named by its designation, with no step of its own in the sentence, or only as the owner of a
  // part that a step happened to ("lễ công bố mở … đường chuyên dụng … thuộc cửa khẩu quốc tế Hữu Nghị"): it
  // exists, at that level. Implied, for the editor to confirm. An aim or proposal for its parts is one for it.
  if (designation && (!read || (designation.owner && (read.rule === 'fact' || read.rule === 'plain')))) {
    return { status: 'operating', level: designation.level, from: designation.from, to: designation.to, near: false, rule: 'implied' };
  }
  if (!chosen || !read) {
    return { status: null, level: null, from: -1, to: -1, near: false, rule: 'none' };
  }
  // The level: of an upgrade, of an opening ("mở cặp cửa khẩu song phương …"), else as the text designates it.
  const level = upgrade?.level ?? designatedLevel(tokens, mention, read.from, chosen.to) ?? designation?.level ?? null;
  let from = read.from;
  let to = chosen.to;
  if (upgrade && chosen.to <= mention.from) {
    from = Math.min(from, upgrade.from);
    to = Math.max(to, upgrade.to);
  }
  // Very long spans would not help a reviewer: keep the phrase itself.
  if (to - from > 25) {
    from = chosen.from;
    to = chosen.to;
  }
  return { status: read.status, level, from, to, near: inPart(chosen), rule: read.rule };
}

/**
 * How far (in words) status wording is looked for around a name. Longer than any sentence of the source
 * documents (a verb before a long list of gates included); it keeps a sentence without full stops of
 * 300 000 characters linear instead of quadratic.
 */
const WORDING_WINDOW = 150;

/** The phrases (sorted by position) within the window around a mention: two binary searches. */
function near(list: Found[] | undefined, mention: Mention): Found[] {
  if (!list || list.length === 0) return [];
  const firstAt = (position: number) => {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle].from < position) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return list.slice(firstAt(mention.from - WORDING_WINDOW), firstAt(mention.to + WORDING_WINDOW));
}

/** Words that set a partnership up rather than show it at work: "ký kết Thỏa thuận thiết lập quan hệ", "xây dựng kế hoạch hợp tác giữa …". */
const ESTABLISHING = ['ký kết', 'thiết lập', 'kết nghĩa', 'kế hoạch hợp tác'].map(wordsOf);

function establishing(tokens: Token[], mention: Mention): boolean {
  const sentence = tokens[mention.from].sentence;
  for (let t = Math.max(0, mention.from - 10); t < Math.min(tokens.length, mention.to + 25); t += 1) {
    if (tokens[t].sentence !== sentence || (t >= mention.from && t < mention.to)) continue;
    if (ESTABLISHING.some((words) => sameWords(tokens, t, words))) return true;
  }
  return false;
}

/**
 * The marker numbers a text locates a name by: just after it ("… Pò Chài (Trung Quốc) khu vực mốc 1090 -
 * 1091") or just before it with no comma between ("tại khu vực mốc 1090 - 1091 lối thông quan Tân Thanh").
 */
function markersAround(tokens: Token[], markers: (Mention & { number: string })[], mention: Mention): string[] {
  const sentence = tokens[mention.from].sentence;
  const unbroken = (from: number, to: number) => tokens.slice(from + 1, to + 1).every((t) => !/[,;:，；]/u.test(t.gapBefore));
  return markers
    .filter(
      (m) =>
        tokens[m.from].sentence === sentence &&
        ((m.from >= mention.to && m.from - mention.to <= 8) ||
          (m.to <= mention.from && mention.from - m.to <= 5 && unbroken(m.from, mention.from))),
    )
    .map((m) => m.number);
}

const wholeNumber = (marker: string) => marker.split('/')[0];

/**
 * A crossing named only by its designation and the markers it lies at: "đường chuyên dụng vận chuyển hàng
 * hóa khu vực mốc 1088/3 - 1089" is the record's road at 1088/2–1089 (adjacent markers tell channels apart:
 * one marker number in common, and no other crossing of the record at them).
 */
function markerLocatedMentions(tokens: Token[], written: (Mention & { number: string })[], index: LinkIndex): Mention[] {
  const out: Mention[] = [];
  for (let at = 0; at < tokens.length; at += 1) {
    const head = headAt(tokens, at);
    if (!head || !CROSSING_KINDS.has(head.kind)) continue;
    let t = at + head.words.length;
    while (
      t < tokens.length &&
      !tokens[t].upper &&
      isWordGap(tokens[t].gapBefore) &&
      t - at < 10 &&
      tokens[t].folded !== 'moc' &&
      tokens[t].folded !== 'cot'
    )
      t += 1;
    const numbers = written.filter((m) => m.from >= t - 1 && m.from <= t + 6 && tokens[m.from].sentence === tokens[at].sentence);
    if (numbers.length === 0) continue;
    const given = new Set(numbers.map((m) => m.number));
    const candidates = [...index.markersOf].filter(
      ([id, own]) => own.some((n) => given.has(n)) && CROSSING_KINDS.has(index.kinds.get(id) as KindId),
    );
    if (candidates.length !== 1) continue;
    const to = Math.max(...numbers.map((m) => m.to));
    out.push({ featureIds: [candidates[0][0]], from: at, to, by: 'marker', ambiguous: false });
    at = to - 1;
  }
  return out;
}

type ClauseReading = { suggestions: LinkSuggestion[]; places: PlaceSuggestion[] };

function readClause(clause: SegmentedClause, index: LinkIndex): ClauseReading {
  const { text } = clause;
  const tokens = tokenize(text);
  if (tokens.length === 0) return { suggestions: [], places: [] };
  const ends = sentenceEnds(text);
  // Grouped by sentence (up to a full stop): a name only ever looks at the wording of its own.
  const byPeriod = (list: Found[]) => {
    const map = new Map<number, Found[]>();
    for (const found of list) {
      const period = tokens[found.from].period;
      const group = map.get(period);
      if (group) group.push(found);
      else map.set(period, [found]);
    }
    return map;
  };
  const allPhrases = scan(tokens, PHRASES.phrases).sort((a, b) => a.from - b.from);
  const phrases = byPeriod(allPhrases);
  const goals = byPeriod([...allPhrases.filter((p) => p.kind === 'goal'), ...scan(tokens, PHRASES.aims)].sort((a, b) => a.from - b.from));
  const partnerships: Mention[] = partnershipMentions(tokens, index.partnerships).map((m) => ({
    featureIds: [m.featureId],
    from: m.from,
    to: m.to,
    by: 'name',
    ambiguous: false,
    parties: { from: m.cueFrom, to: m.cueTo },
  }));
  // Every marker number the text writes, known to the record or not ("mốc 1090 - 1091"); read once.
  const writtenMarkers = markerMentions(tokens, (number) => number);
  const markers = writtenMarkers.flatMap((m) => {
    const id = index.markers.get(m.number);
    return id ? [{ ...m, featureIds: [id] }] : [];
  });
  const byName = [...nameMentions(tokens, index), ...zhMentions(text, tokens, index)];
  const located = markerLocatedMentions(tokens, writtenMarkers, index).filter((m) => !byName.some((n) => n.from < m.to && n.to > m.from));
  const named = [...byName, ...located].flatMap((mention) => {
    // A crossing the text locates by markers that are not its own is another crossing of that name.
    const given = markersAround(tokens, writtenMarkers, mention).map(wholeNumber);
    if (given.length === 0) return [mention];
    const featureIds = mention.featureIds.filter((id) => {
      const own = index.markersOf.get(id);
      return !own || own.some((n) => given.includes(wholeNumber(n)));
    });
    return featureIds.length > 0 ? [{ ...mention, featureIds }] : [];
  });
  // Places the record lacks: designated names the record's names do not cover. A railway or bridge named
  // after a gate ("tuyến đường sắt quốc tế đoạn Móng Cái - Đông Hưng") is not the gate.
  const places: PlaceSuggestion[] = [];
  // Which token starts a name found, so that a place's words are looked up, not every name searched.
  const namedAt = new Map<number, Mention[]>();
  for (const m of named) for (let t = m.from; t < m.to; t += 1) namedAt.set(t, [...(namedAt.get(t) ?? []), m]);
  const dropped = new Set<Mention>();
  for (const span of placeSpans(tokens, index.provinces)) {
    const inside = [
      ...new Set(
        Array.from({ length: span.nameTo - span.nameFrom }, (_, k) => namedAt.get(span.nameFrom + k) ?? [])
          .flat()
          .filter((m) => !dropped.has(m)),
      ),
    ];
    if (inside.length > 0) {
      // "cầu đa công năng tại cửa khẩu X": a new bridge at a gate the record holds names both.
      const located = tokens.slice(span.from, span.nameFrom).some((t) => t.key === toneKey('tại'));
      const onlyCrossings = inside.every((m) => m.featureIds.every((id) => CROSSING_KINDS.has(index.kinds.get(id) as KindId)));
      if (!located) {
        if (CROSSING_KINDS.has(span.kind) || !onlyCrossings) continue;
        for (const m of inside) dropped.add(m);
      }
    }
    if (namesAnotherThing(tokens, span.from)) continue;
    const place: Mention = { featureIds: [], from: span.nameFrom, to: span.nameTo, by: 'name', ambiguous: false };
    const period = tokens[place.from].period;
    const reading = readStatus(
      tokens,
      place,
      near(phrases.get(period), place),
      near(goals.get(period), place),
      CROSSING_KINDS.has(span.kind),
    );
    // The name with its last bracket closed: "… Pò Chài (Trung Quốc)".
    const last = tokens[span.to - 1].end;
    const close = /^\s*[)）]/u.exec(text.slice(last));
    const nameSpan: [number, number] = [tokens[span.from].start, close ? last + close[0].length : last];
    const cue: [number, number] | null = reading.from >= 0 ? [tokens[reading.from].start, tokens[reading.to - 1].end] : null;
    places.push({
      clausePath: clause.path,
      name: text.slice(...nameSpan),
      kind: span.kind,
      level: reading.level ?? span.level,
      status: reading.status,
      statusWords: cue ? text.slice(...cue) : null,
      quote: quoteSpan(text, Math.min(nameSpan[0], cue?.[0] ?? nameSpan[0]), Math.max(nameSpan[1], cue?.[1] ?? 0), ends),
      key: span.key,
      evidence: { mention: nameSpan, cue, rule: reading.rule },
    });
  }
  const mentions = [...named.filter((m) => !dropped.has(m)), ...partnerships, ...markers].sort((a, b) => a.from - b.from);
  const out: LinkSuggestion[] = [];
  const seen = new Set<string>();
  for (const mention of mentions) {
    const carriesStatus = mention.featureIds.some((id) => {
      const kind = index.kinds.get(id);
      return kind !== undefined && KIND_BY_ID[kind].hasStatus;
    });
    const period = tokens[mention.from].period;
    const crossing = mention.featureIds.every((id) => CROSSING_KINDS.has(index.kinds.get(id) as KindId));
    let reading: Reading = carriesStatus
      ? readStatus(tokens, mention, near(phrases.get(period), mention), near(goals.get(period), mention), crossing)
      : { status: null, level: null, from: -1, to: -1, near: false, rule: 'none' as const };
    // Parties acting together ("phối hợp với", "giữa … và …") have a partnership that operates, unless the
    // sentence sets one up ("kiến nghị thiết lập quan hệ hữu nghị giữa …", "ký kết Kế hoạch hợp tác giữa …"):
    // then its own wording decides. What the parties go on to do is another feature's step.
    if (mention.parties && !establishing(tokens, mention)) {
      reading = { status: 'operating', level: null, from: mention.parties.from, to: mention.parties.to, near: false, rule: 'implied' };
    }
    const mentionSpan: [number, number] = [tokens[mention.from].start, tokens[mention.to - 1].end];
    const cue: [number, number] | null = reading.from >= 0 ? [tokens[reading.from].start, tokens[reading.to - 1].end] : null;
    const matched = text.slice(...mentionSpan);
    const statusWords = cue ? text.slice(...cue) : null;
    const quote = quoteSpan(text, Math.min(mentionSpan[0], cue?.[0] ?? mentionSpan[0]), Math.max(mentionSpan[1], cue?.[1] ?? 0), ends);
    for (const featureId of mention.featureIds) {
      const key = `${featureId}|${reading.status}|${reading.level}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const confidence: LinkSuggestion['confidence'] =
        mention.ambiguous || reading.rule === 'implied'
          ? 'low'
          : mention.by === 'name_folded' || (reading.status !== null && !reading.near)
            ? 'medium'
            : 'high';
      out.push({
        clausePath: clause.path,
        featureId,
        matched,
        by: mention.by,
        status: reading.status,
        level: reading.level,
        statusWords,
        confidence,
        quote,
        evidence: { mention: mentionSpan, cue, rule: reading.rule },
        target: targetOf(quote, reading.rule, reading.status),
      });
    }
  }
  // A feature its sentence gives a step in words needs no step implied by how the sentence names it again
  // ("lễ công bố mở … lối thông quan X … diễn ra tại … lối thông quan X"): that one is a mention.
  const stated = new Set(out.flatMap((s) => (s.status && s.evidence.rule !== 'implied' ? [`${s.featureId}|${s.quote}`] : [])));
  const seenAgain = new Set<string>();
  const suggestions = out.flatMap((s) => {
    const own = s.evidence.rule === 'implied' && stated.has(`${s.featureId}|${s.quote}`) ? mentionOnly(s) : s;
    const key = `${own.featureId}|${own.status}|${own.level}`;
    if (seenAgain.has(key)) return [];
    seenAgain.add(key);
    return [own];
  });
  return { suggestions, places };
}

/** Suggestions for every clause, in document order: for each clause, its names in reading order. */
export function suggestLinks(
  clauses: readonly SegmentedClause[],
  features: readonly FeatureRecord[],
  options: SuggestOptions = {},
): LinkSuggestion[][] {
  return readClauses(clauses, options.index ?? buildLinkIndex(features)).suggestions;
}

/**
 * Suggestions for every clause, and the places the document names that the record lacks — one per place,
 * where the document first gives it a step (else where it first names it).
 */
export function readClauses(
  clauses: readonly SegmentedClause[],
  index: LinkIndex,
): { suggestions: LinkSuggestion[][]; places: PlaceSuggestion[] } {
  const readings = clauses.map((clause) => readClause(clause, index));
  // One card per place (its kind and first name): where the document states a step for it, else where it
  // implies one, else where it first names it.
  const weight = (p: PlaceSuggestion) => (p.status === null ? 0 : p.evidence.rule === 'implied' ? 1 : 2);
  const places = new Map<string, PlaceSuggestion>();
  for (const place of readings.flatMap((r) => r.places)) {
    const key = `${place.kind}|${place.key}`;
    const known = places.get(key);
    if (!known || weight(place) > weight(known)) places.set(key, place);
  }
  return { suggestions: readings.map((r) => r.suggestions), places: [...places.values()] };
}

function mentionOnly(s: LinkSuggestion): LinkSuggestion {
  return { ...s, status: null, level: null, statusWords: null, evidence: { ...s.evidence, cue: null, rule: 'none' } };
}

/** Rules that read an aim, not a fact: only an aim can have a deadline (a fact dated in its sentence is history). */
const AIM_RULES: ReadonlySet<Rule> = new Set(['goal', 'aimed', 'ceremony_planned', 'plain']);

/**
 * The deadline an aim's quote sets, if any (its cue is part of the quote, so verbatim in the clause); none when
 * what it aims at is not beyond the status suggested ("tiếp tục vận hành … trong năm 2027" sets no deadline).
 */
function targetOf(quote: string, rule: Rule, status: SuggestedStatus | null): LinkSuggestion['target'] {
  if (!AIM_RULES.has(rule)) return null;
  const reading = readTarget(quote);
  if (!reading) return null;
  if (reading.reach && status && STATUS_BY_ID[reading.reach].order <= STATUS_BY_ID[status].order) return null;
  return { by: reading.by, cue: reading.cue, reach: reading.reach };
}
