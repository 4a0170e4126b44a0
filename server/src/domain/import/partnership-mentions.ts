/**
 * Partnerships named by their parties: "giữa các tỉnh Quảng Ninh, Lạng Sơn, Cao Bằng (Việt Nam) và Khu tự
 * trị dân tộc Choang Quảng Tây", "tỉnh Quảng Ninh phối hợp với Khu tự trị …", "UBND tỉnh Cao Bằng phối hợp
 * Chính quyền nhân dân Khu tự trị …". A Vietnamese party (or a list of them) and a foreign party joined
 * in one comma part of a sentence by a connecting word name each pairing of the record between them.
 *
 * Not a party: a place that only locates another ("thành phố Hạ Long, tỉnh Quảng Ninh", "châu Hồng Hà
 * (tỉnh Vân Nam, Trung Quốc)", "tại tỉnh Lạng Sơn"), or a unit of another level with the same name
 * ("thành phố Lạng Sơn" is not the province).
 */
import type { FeatureRecord } from '../schemas';
import { compare, isWordGap, type Token, toneKey, type Word, wordsOf } from './words';

type Unit = 'province' | 'city' | 'district' | 'commune';

type Party = { words: Word[]; unit: Unit; country: string };

export type PartnershipEntry = { featureId: string; parties: [Party, Party] };

export type PartnershipMention = {
  featureId: string;
  /** Token span from the first party named to the last. */
  from: number;
  to: number;
  /** The connecting words ("và", "phối hợp với"): token span. */
  cueFrom: number;
  cueTo: number;
};

/** Words that name a unit before its proper name, longest first; the folded words and the unit. */
const UNIT_WORDS: [Word[], Unit][] = (
  [
    ['khu tự trị dân tộc choang', 'province'],
    ['khu tự trị', 'province'],
    ['tỉnh ủy', 'province'],
    ['tỉnh', 'province'],
    ['thành phố', 'city'],
    ['thị xã', 'city'],
    ['châu tự trị', 'city'],
    ['châu', 'city'],
    ['huyện', 'district'],
    ['xã', 'commune'],
    ['trấn', 'commune'],
    ['thị trấn', 'commune'],
  ] as [string, Unit][]
)
  .map(([text, unit]): [Word[], Unit] => [wordsOf(text), unit])
  .sort((a, b) => b[0].length - a[0].length);

const CONNECTORS = ['và', 'với', 'cùng', 'phối hợp', 'giữa'].map(wordsOf);
/** Words that start an organisation's name after a party's: "Đảng Cộng sản", "Ủy ban nhân dân", "Sở Ngoại vụ". */
const ORGANISATION_WORDS = ['đảng', 'ủy', 'ban', 'sở', 'chính', 'ubnd', 'hđnd', 'tỉnh', 'khu', 'bộ'].map(toneKey);
/** Before a name, these make it a place where something happens, not a party to it. */
const PLACE_WORDS = ['tại', 'ở'].map(toneKey);

/** "Tỉnh Quảng Ninh" → province "Quảng Ninh"; "Thành phố Phổ Nhĩ, tỉnh Vân Nam" → city "Phổ Nhĩ". */
function partyOf(name: string, country: string): Party | null {
  const text = name
    .replace(/\s*[(（][^()（）]*[)）]/gu, '')
    .split(',')[0]
    .trim();
  if (/\svà\s/u.test(text)) return null;
  const words = wordsOf(text);
  for (const [unitWords, unit] of UNIT_WORDS) {
    if (unitWords.every((w, k) => words[k]?.folded === w.folded) && words.length > unitWords.length) {
      const proper = words.slice(unitWords.length);
      return proper.every((w) => w.upper) ? { words: proper, unit, country } : null;
    }
  }
  return null;
}

export function partnershipEntries(features: readonly FeatureRecord[]): PartnershipEntry[] {
  const entries: PartnershipEntry[] = [];
  for (const feature of features) {
    if ((feature.kind !== 'pairing' && feature.kind !== 'cooperation') || feature.sides?.length !== 2) continue;
    const parties = feature.sides.map((side) => partyOf(side.name.vi, side.country ?? ''));
    if (parties[0] && parties[1]) entries.push({ featureId: feature.id, parties: [parties[0], parties[1]] });
  }
  return entries;
}

type Found = { party: Party; from: number; to: number; unit: Unit | null; unitFrom: number };

/** The unit words just before `at`, if any: their unit and where they start. */
function unitBefore(tokens: Token[], at: number): { unit: Unit; from: number } | null {
  for (const [words, unit] of UNIT_WORDS) {
    const from = at - words.length;
    if (from < 0) continue;
    if (
      words.every((w, k) => tokens[from + k].folded === w.folded && (k === 0 || isWordGap(tokens[from + k].gapBefore))) &&
      isWordGap(tokens[at].gapBefore)
    )
      return { unit, from };
  }
  return null;
}

function matchParty(tokens: Token[], at: number, party: Party): number {
  for (let k = 0; k < party.words.length; k += 1) {
    const token = tokens[at + k];
    if (!token?.upper || !compare(token, party.words[k]) || (k > 0 && !isWordGap(token.gapBefore))) return -1;
  }
  const after = tokens[at + party.words.length];
  // "Lạng Sơn" inside a longer name ("Lạng Sơn Mới") is not it; an organisation after it is not part of it
  // ("… Hà Giang Đảng Cộng sản Việt Nam").
  if (after?.upper && isWordGap(after.gapBefore) && after.sentence === tokens[at].sentence && !ORGANISATION_WORDS.includes(after.key))
    return -1;
  return at + party.words.length;
}

/** A name that only locates the one before it: after a comma or a bracket that follows a smaller unit's name. */
function locates(tokens: Token[], found: Found): boolean {
  const start = found.unit ? found.unitFrom : found.from;
  if (tokens[start].depth > 0) return true;
  const gap = tokens[start].gapBefore;
  const before = tokens[start - 1];
  if (before && PLACE_WORDS.includes(before.key) && isWordGap(gap)) return true;
  if (!/[,(（]/u.test(gap)) return false;
  // Look back over the name before the comma for the unit that introduced it.
  for (let t = start - 1; t >= Math.max(0, start - 5); t -= 1) {
    const unit = unitBefore(tokens, t);
    if (unit && unit.unit !== 'province' && tokens[t].upper) return true;
    if (!tokens[t].upper) break;
  }
  return false;
}

const SAME_LEVEL: Record<Unit, Unit[]> = {
  province: ['province'],
  city: ['city', 'province'],
  district: ['district'],
  commune: ['commune'],
};

/**
 * Every pairing of `entries` named in the tokens by its two parties. Linear in the tokens times the
 * number of distinct party names (a few dozen).
 */
export function partnershipMentions(tokens: Token[], entries: readonly PartnershipEntry[]): PartnershipMention[] {
  if (entries.length === 0) return [];
  const parties = new Map<string, Party>();
  for (const entry of entries)
    for (const party of entry.parties) parties.set(`${party.unit}|${party.words.map((w) => w.key).join(' ')}`, party);
  const found: Found[] = [];
  for (let at = 0; at < tokens.length; at += 1) {
    if (!tokens[at].upper) continue;
    for (const party of parties.values()) {
      const to = matchParty(tokens, at, party);
      if (to < 0) continue;
      const unit = unitBefore(tokens, at);
      // "thành phố Lạng Sơn" is not the province of Lạng Sơn.
      if (unit && !SAME_LEVEL[party.unit].includes(unit.unit)) continue;
      const candidate: Found = { party, from: at, to, unit: unit?.unit ?? null, unitFrom: unit?.from ?? at };
      if (!locates(tokens, candidate)) found.push(candidate);
    }
  }
  found.sort((a, b) => a.from - b.from);
  const out: PartnershipMention[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < found.length; i += 1) {
    for (let j = i + 1; j < found.length; j += 1) {
      const a = found[i];
      const b = found[j];
      if (tokens[a.from].sentence !== tokens[b.from].sentence || b.from - a.to > 40) break;
      const link = connection(tokens, found, i, j);
      if (!link) continue;
      for (const entry of entries) {
        const [p, q] = entry.parties;
        if (
          !(
            (p === a.party && q === b.party) ||
            (p === b.party && q === a.party) ||
            (same(p, a.party) && same(q, b.party)) ||
            (same(p, b.party) && same(q, a.party))
          )
        )
          continue;
        if (seen.has(entry.featureId)) continue;
        seen.add(entry.featureId);
        out.push({ featureId: entry.featureId, from: a.from, to: b.to, cueFrom: link.from, cueTo: link.to });
      }
    }
  }
  return out;
}

const same = (p: Party, q: Party) => p.unit === q.unit && p.words.map((w) => w.key).join(' ') === q.words.map((w) => w.key).join(' ');

/**
 * Whether found[i] and found[j] are joined as parties: the names between them (a list "A, B, C và D" of
 * one country) and then a connecting word in a short stretch without a comma before found[j].
 */
function connection(tokens: Token[], found: Found[], i: number, j: number): { from: number; to: number } | null {
  const a = found[i];
  const b = found[j];
  if (a.party.country === b.party.country) return null;
  // The parties between a and b: a list of a's country ("Quảng Ninh, Lạng Sơn, Cao Bằng, Tuyên Quang, Hải
  // Phòng"), where other names of the list may stand between them.
  let end = a.to;
  for (let k = i + 1; k < j; k += 1) {
    const c = found[k];
    if (c.party.country !== a.party.country) return null;
    for (let t = end; t < (c.unit ? c.unitFrom : c.from); t += 1) if (!tokens[t].upper && tokens[t].key !== toneKey('và')) return null;
    const cStart = c.unit ? c.unitFrom : c.from;
    if (!/[,、]|\svà\s/u.test(tokens[cStart].gapBefore) && cStart !== end && tokens[cStart - 1].key !== toneKey('và')) return null;
    end = c.to;
  }
  const start = b.unit ? b.unitFrom : b.from;
  if (start - end > 12) return null;
  let cue: { from: number; to: number } | null = null;
  for (let t = end; t < start; t += 1) {
    if (t > end && /[,;:，；]/u.test(tokens[t].gapBefore)) return null;
    const words = CONNECTORS.find((w) => w.every((word, k) => tokens[t + k]?.key === word.key));
    if (words && !cue) cue = { from: t, to: t + words.length };
  }
  if (start < tokens.length && /[,;:，；]/u.test(tokens[start].gapBefore) && !/[(（)）]/u.test(tokens[start].gapBefore)) return null;
  return cue;
}
