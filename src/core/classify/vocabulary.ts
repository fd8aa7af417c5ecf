// What a section's or a document's words say, apart from its headings: the kind a body leads with, the
// role whose vocabulary dominates it, and the subject a whole document keeps returning to.
import { expandRoles, type Catalogue, type CompiledKind } from '../catalogue/catalogue';
import type { AnalysedSection, BodyReading } from './analyse';
import type { CueHit, CueScore } from './cues';
import { keptForReRead, partRanges } from './kept-parts';
import type { Section } from '../model';
import { itemAt } from '../text/indexing';

/** Cue evidence must add up to this before a body counts as another role's work. */
export const MIN_BODY_SCORE = 6;
/** …and outweigh the expected role's vocabulary by this factor. */
export const DOMINANCE = 2;

/** A document's subject must lead this many of its sections' vocabularies (ties count)… */
const SUBJECT_SHARE = 0.6;
/** …in at least this many sections… */
const SUBJECT_MIN_SECTIONS = 4;
/** …and outweigh the next kind's vocabulary over the whole document by this factor. */
const SUBJECT_DOMINANCE = 2;

/**
 * What a document is about when its vocabulary says so throughout, and that involves another role
 * than its owner: a pricing project written under PM headings ("Project mission", "Proposal", "Success criteria")
 * talks pricing and packaging in nearly every section.
 */
export function subjectFromVocabulary(catalogue: Catalogue, sections: AnalysedSection[], docRole: string): CompiledKind | undefined {
  // Summed part by part (a top-level section with everything under it): an edit changes one part, and the
  // others' sums are kept with their sections (partVocabulary).
  const keep = keptForReRead(sections);
  const parts = partRanges(sections).map(({ root, from, to }) => {
    if (!keep) return partVocabulary(sections, from, to, false);
    // A part whose readings were kept whole (the same objects) has the same sums.
    let sums = partsRead.get(root);
    if (!sums) partsRead.set(root, (sums = partVocabulary(sections, from, to, true)));
    return sums;
  });
  // By kind slot; `seen` keeps the order in which kinds first appear (which ties sort by).
  const sums = new Float64Array(kindIds.length);
  const leadCounts = new Float64Array(kindIds.length);
  const counted = new Uint8Array(kindIds.length);
  const seen: number[] = [];
  let withCues = 0;
  for (const part of parts) {
    for (let j = 0; j < part.kinds.length; j++) {
      const k = itemAt(part.kinds, j);
      if (!counted[k]) {
        counted[k] = 1;
        seen.push(k);
      }
      sums[k] = (sums[k] ?? 0) + itemAt(part.total, j);
      leadCounts[k] = (leadCounts[k] ?? 0) + itemAt(part.leads, j);
    }
    withCues += part.withCues;
  }
  const total = new Map(seen.map((k) => [itemAt(kindIds, k), sums[k] ?? 0]));
  const leads = new Map(seen.map((k) => [itemAt(kindIds, k), leadCounts[k] ?? 0]));
  const [top, second] = [...total].sort((a, b) => b[1] - a[1]);
  if (!top || withCues < SUBJECT_MIN_SECTIONS || (second && top[1] < second[1] * SUBJECT_DOMINANCE)) return undefined;
  if ((leads.get(top[0]) ?? 0) < withCues * SUBJECT_SHARE) return undefined;
  const kind = catalogue.kinds.get(top[0]);
  if (!kind || kind.skipOwnership) return undefined;
  // It must bring in another role that owns documents (the PMM into a PM document): engineering's
  // technical approach is an expected part of a PM's document, not a subject that takes it over.
  const authors = new Set([...catalogue.docTypes.values()].flatMap((t) => expandRoles(catalogue, t.owner)));
  if (!expandRoles(catalogue, kind.owner).some((r) => r !== docRole && authors.has(r))) return undefined;
  return kind;
}

/** What one part adds to a document's vocabulary sums: per kind (slot, in the order they first appear) its score and leads, and its sections with cues. */
interface PartSums {
  /** Each section's kind scores (undefined for a pseudo-heading): the part reads the same while these are the same maps. */
  scores: (ReadonlyMap<string, number> | undefined)[];
  kinds: number[];
  total: number[];
  leads: number[];
  withCues: number;
}

/** Kind ids by slot, and slots by id, so that parts' sums add up in arrays. */
const kindIds: string[] = [];
const kindSlots = new Map<string, number>();

function slotOf(id: string): number {
  let slot = kindSlots.get(id);
  if (slot === undefined) {
    slot = kindIds.push(id) - 1;
    kindSlots.set(id, slot);
  }
  return slot;
}

/** Per top-level reading: its part's sums (a reading is kept only with its whole part, see partRanges). */
const partsRead = new WeakMap<AnalysedSection, PartSums>();

/** Per top-level section: its part's sums, kept while its sections' scores are the same maps (cues.ts caches them per text). */
const partSums = new WeakMap<Section, PartSums>();

/** The sums of sections[from, to), one part; kept with its sections where `keep` (see keptForReRead). */
function partVocabulary(sections: readonly AnalysedSection[], from: number, to: number, keep: boolean): PartSums {
  const key = itemAt(sections, from).section;
  const known = keep ? partSums.get(key) : undefined;
  if (known && known.scores.length === to - from && sameScores(known.scores, sections, from)) return known;
  const scores: (ReadonlyMap<string, number> | undefined)[] = [];
  const total = new Map<string, number>();
  const leads = new Map<string, number>();
  let withCues = 0;
  for (let i = from; i < to; i++) {
    const byKind = scoresOf(itemAt(sections, i));
    scores.push(byKind);
    if (!byKind) continue;
    const ranked = keep ? rankedKinds(byKind) : ranking(byKind);
    const topScore = ranked[0]?.[1];
    if (topScore === undefined) continue;
    withCues++;
    for (const [id, score] of ranked) {
      total.set(id, (total.get(id) ?? 0) + score);
      if (score === topScore) leads.set(id, (leads.get(id) ?? 0) + 1);
    }
  }
  const ids = [...total.keys()];
  const sums = { scores, kinds: ids.map(slotOf), total: [...total.values()], leads: ids.map((id) => leads.get(id) ?? 0), withCues };
  if (keep) partSums.set(key, sums);
  return sums;
}

function sameScores(scores: readonly (ReadonlyMap<string, number> | undefined)[], sections: readonly AnalysedSection[], from: number): boolean {
  for (let i = 0; i < scores.length; i++) if (scores[i] !== scoresOf(itemAt(sections, from + i))) return false;
  return true;
}

function scoresOf(s: AnalysedSection): ReadonlyMap<string, number> | undefined {
  return s.section.pseudo ? undefined : s.cues.byKind;
}

/** Kind scores, highest first, per score map: a section's scores are kept while its text is unchanged. */
const rankings = new WeakMap<ReadonlyMap<string, number>, [string, number][]>();

function rankedKinds(byKind: ReadonlyMap<string, number>): [string, number][] {
  let ranked = rankings.get(byKind);
  if (!ranked) rankings.set(byKind, (ranked = ranking(byKind)));
  return ranked;
}

function ranking(byKind: ReadonlyMap<string, number>): [string, number][] {
  return [...byKind].sort((a, b) => b[1] - a[1]);
}

/** A kind's words must add up to this, and outweigh the next kind's twice, to name a silent heading's kind. */
const MIN_LEADING_SCORE = 4;

/** The one kind a section's own vocabulary clearly leads with, if any. */
export function leadingKind(catalogue: Catalogue, cues: CueScore): CompiledKind | undefined {
  const [top, second] = topTwo(cues.byKind);
  if (!top || top[1] < MIN_LEADING_SCORE || (second && top[1] < second[1] * DOMINANCE)) return undefined;
  return catalogue.kinds.get(top[0]);
}

/** The kinds a section's own vocabulary leads with (ties included). */
export function leadingKinds(cues: CueScore): string[] {
  const topScore = topTwo(cues.byKind)[0]?.[1];
  const ids: string[] = [];
  for (const [id, score] of cues.byKind) if (score === topScore) ids.push(id);
  return ids;
}

/** A reading needs this many different cue words: one word, however often repeated, is not a reading
 * ("website" twice in a user story about the product's own web page). */
const MIN_DISTINCT_CUES = 2;

/** The role (and kind) whose vocabulary clearly dominates a body, if any. */
export function readBody(catalogue: Catalogue, cues: CueScore): BodyReading | undefined {
  const [top, second] = topTwo(cues.byRole);
  if (!top || top[1] < MIN_BODY_SCORE || (second && top[1] < second[1] * DOMINANCE)) return undefined;
  const own = cues.hits.filter((h) => h.cue.role === top[0]);
  if (!hasDistinctPhrases(own, MIN_DISTINCT_CUES)) return undefined;
  const [topKind, secondKind] = topTwo(cues.byKind);
  const reading: BodyReading = { role: top[0], score: top[1], hits: own };
  if (topKind && topKind[1] >= MIN_BODY_SCORE && (!secondKind || topKind[1] >= secondKind[1] * DOMINANCE)) {
    const kind = catalogue.kinds.get(topKind[0]);
    if (kind) reading.kind = kind;
  }
  return reading;
}

/** Whether the hits use at least `n` different phrases (letter case aside), looking no further than that. */
function hasDistinctPhrases(hits: readonly CueHit[], n: number): boolean {
  if (n <= 0) return true;
  const seen: string[] = [];
  for (const h of hits) {
    const phrase = h.phrase.toLowerCase();
    if (!seen.includes(phrase) && seen.push(phrase) >= n) return true;
  }
  return false;
}

/**
 * The two highest scores, as the first two of the entries sorted by score, highest first (a stable sort:
 * of equal scores the one met first), found in one pass: a reading runs per section, and sorting every
 * score map was an array and an entry pair per score for each of a long spec's sections.
 */
export function topTwo<K>(scores: ReadonlyMap<K, number>): [[K, number]?, [K, number]?] {
  let topId: K | undefined;
  let topScore = 0;
  let secondId: K | undefined;
  let secondScore = 0;
  scores.forEach((score, id) => {
    if (topId === undefined || score > topScore) {
      secondId = topId;
      secondScore = topScore;
      topId = id;
      topScore = score;
    } else if (secondId === undefined || score > secondScore) {
      secondId = id;
      secondScore = score;
    }
  });
  if (topId === undefined) return [];
  return secondId === undefined ? [[topId, topScore]] : [[topId, topScore], [secondId, secondScore]];
}

export function topPhrases(hits: readonly CueHit[]): string {
  return [...new Set(hits.map((h) => h.phrase))].slice(0, 3).join(', ');
}
