// Cue words in a section's prose: which roles' and kinds' vocabulary it uses, with every hit kept as
// evidence. The team's glossary terms are skipped, so "feature flags" at a feature-flag company or
// "pipeline" at a CI company count for nothing.
import type { Catalogue } from '../catalogue/catalogue';
import type { Cue } from '../catalogue/schema';
import type { Section, TextRun } from '../model';
import { WordRun } from '../text/words';

export interface CueHit {
  cue: Cue;
  phrase: string;
  start: number;
  end: number;
}

export interface CueScore {
  hits: CueHit[];
  byRole: Map<string, number>;
  byKind: Map<string, number>;
}

/** One cue counts at most this many times in a section, so one repeated word cannot decide alone. */
const MAX_HITS_PER_CUE = 3;

/** Scores of cached parses, in their own relative offsets: unchanged text is not scored twice. */
const scoreCache = new WeakMap<object, WeakMap<Catalogue, CueScore>>();

/** Cue scores of a section, reusing the score of the cached parse it came from when there is one. */
export function scoreSection(catalogue: Catalogue, section: Section): CueScore {
  const origin = section.origin;
  if (!origin) return scoreCues(catalogue, section.prose);
  let perCatalogue = scoreCache.get(origin.key);
  if (!perCatalogue) scoreCache.set(origin.key, (perCatalogue = new WeakMap()));
  let relative = perCatalogue.get(catalogue);
  if (!relative) {
    relative = scoreCues(catalogue, section.prose.map((p) => ({ text: p.text, offset: p.offset - origin.base })));
    perCatalogue.set(catalogue, relative);
  }
  if (!origin.base) return relative;
  return { ...relative, hits: relative.hits.map((h) => new PlacedHit(h, origin)) };
}

/**
 * A hit of a cached score, where the section it was scored for stands: its offsets follow the section's
 * origin, which an edit moves (markdown-model.ts), so nothing needs moving hit by hit.
 */
class PlacedHit implements CueHit {
  readonly cue: Cue;
  readonly phrase: string;
  private readonly from: number;
  private readonly to: number;
  private readonly origin: { readonly base: number };

  constructor(hit: CueHit, origin: { readonly base: number }) {
    this.cue = hit.cue;
    this.phrase = hit.phrase;
    this.from = hit.start;
    this.to = hit.end;
    this.origin = origin;
  }

  get start(): number {
    return this.from + this.origin.base;
  }

  get end(): number {
    return this.to + this.origin.base;
  }
}

export function scoreCues(catalogue: Catalogue, prose: readonly TextRun[]): CueScore {
  const hits: CueHit[] = [];
  for (const run of prose) {
    // Done with before the next run's is made (the glossary and the cues match it here, and nothing keeps it).
    const ws = WordRun.transient(run.text, run.offset);
    // The glossary's words, where it has any here (a set per run only then: most runs have none).
    let skipped: Set<number> | undefined;
    if (catalogue.glossary.size) {
      for (const g of catalogue.glossary.match(ws)) for (let i = g.from; i < g.to; i++) (skipped ??= new Set()).add(i);
    }
    const glossaryWords = skipped;
    catalogue.cues.forEachMatch(ws, glossaryWords ? (i) => glossaryWords.has(i) : undefined, (cue, phrase, from, to) => {
      if (catalogue.productParts.roles.has(cue.role) && namesProductPart(catalogue, to < ws.length ? ws.text(to) : undefined)) return;
      hits.push({ cue, phrase, start: ws.start(from), end: ws.end(to - 1) });
    });
  }
  const perCue = new Map<string, number>();
  const byRole = new Map<string, number>();
  const byKind = new Map<string, number>();
  for (const hit of hits) {
    const seen = (perCue.get(hit.cue.id) ?? 0) + 1;
    perCue.set(hit.cue.id, seen);
    if (seen > MAX_HITS_PER_CUE) continue;
    byRole.set(hit.cue.role, (byRole.get(hit.cue.role) ?? 0) + hit.cue.weight);
    if (hit.cue.kind) byKind.set(hit.cue.kind, (byKind.get(hit.cue.kind) ?? 0) + hit.cue.weight);
  }
  return { hits, byRole, byKind };
}

/**
 * A marketing or pricing word followed by a noun for a part of software names that part of the product
 * ("the pricing API", "the landing page component", "the subscription endpoint"): it says what the
 * product is made of, not whose work the text is. (The PM's technical words naming parts, "the API
 * endpoint", are that vocabulary.)
 */
function namesProductPart(catalogue: Catalogue, next: string | undefined): boolean {
  const nouns = catalogue.productParts.nouns;
  if (next === undefined) return false;
  return nouns.has(next) || (next.length > 3 && next.endsWith('s') && nouns.has(next.slice(0, -1)));
}

/** "tagline ×2, press release, campaign": the words behind a score, most frequent first. */
export function describeHits(hits: readonly CueHit[], roles: readonly string[] | undefined, limit = 4): string {
  const counts = new Map<string, number>();
  for (const h of hits) {
    if (roles && !roles.includes(h.cue.role)) continue;
    const word = h.phrase.toLowerCase();
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([w, n]) => (n > 1 ? `"${w}" ×${n}` : `"${w}"`))
    .join(', ');
}
