// The document as a whole: its type from the file name, and its owner from its title and sections where
// it declares neither.
import { expandRoles, type Catalogue } from '../catalogue/catalogue';
import type { DocType } from '../catalogue/schema';
import type { AnalysedSection, Analysis } from './analyse';
import { matchHeading } from './heading';
import { itemAt, lastItem, soleItem } from '../text/indexing';
import { looseKey } from './normalise';

/**
 * The type a file name gives: by its suffix (`checkout.prd.md`, `prd.md`: the team's naming convention,
 * as good as a declaration), or by a word somewhere in it (`web-analytics-launch-plan.md`: a guess, which
 * decides less).
 */
export function typeFromFileName(catalogue: Catalogue, path: string | undefined): { type: DocType; suffix: boolean } | undefined {
  if (!path) return undefined;
  const name = path.split(/[\\/]/).pop()!.toLowerCase();
  const stem = name.replace(/\.[a-z0-9]+$/, '');
  const nameWords = ` ${name.replace(/[^a-z0-9]+/g, ' ').trim()} `;
  let best: { type: DocType; length: number; suffix: boolean } | undefined;
  for (const type of catalogue.docTypes.values()) {
    for (const fragment of type.fileNames) {
      const f = ` ${fragment.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
      if (!nameWords.includes(f)) continue;
      const suffix = endsWithPart(stem, fragment.toLowerCase());
      if (!suffix && partOfAnotherRolesKind(catalogue, nameWords, f, type)) continue;
      if (!best || (suffix && !best.suffix) || (suffix === best.suffix && f.length > best.length)) best = { type, length: f.length, suffix };
    }
  }
  return best && { type: best.type, suffix: best.suffix };
}

/**
 * The file-name word is part of a longer name of a kind another role owns: "strategy" in
 * `landing-page-content-strategy.md` (a content strategy, the PMM's) does not make it a product strategy.
 */
function partOfAnotherRolesKind(catalogue: Catalogue, nameWords: string, fragment: string, type: DocType): boolean {
  const loose = ` ${looseKey(nameWords.trim())} `;
  return longerNamesOfOthers(catalogue, type, ` ${looseKey(fragment.trim())} `).some((phrase) => loose.includes(phrase));
}

/** Per catalogue, per type and word: the kind names that contain the word and that the type's owners do not all own. */
const longerNames = new WeakMap<Catalogue, Map<string, string[]>>();

function longerNamesOfOthers(catalogue: Catalogue, type: DocType, word: string): string[] {
  let byKey = longerNames.get(catalogue);
  if (!byKey) longerNames.set(catalogue, (byKey = new Map()));
  const key = `${type.id}\u0000${word}`;
  let phrases = byKey.get(key);
  if (!phrases) {
    const typeOwners = expandRoles(catalogue, type.owner);
    phrases = [];
    for (const [synonym, kind] of catalogue.looseSynonyms) {
      const phrase = ` ${synonym} `;
      if (phrase.length > word.length && phrase.includes(word) && !typeOwners.every((r) => expandRoles(catalogue, kind.owner).includes(r))) phrases.push(phrase);
    }
    byKey.set(key, phrases);
  }
  return phrases;
}

/** `checkout.prd` ends with the part `prd`, `launch.brief` with `launch-brief`; `web-launch` does not end with a part `launch`. */
function endsWithPart(stem: string, fragment: string): boolean {
  const want = fragment.split(/[^a-z0-9]+/).filter(Boolean);
  const have = [...stem.matchAll(/[a-z0-9]+/g)];
  if (!want.length || have.length < want.length) return false;
  const first = itemAt(have, have.length - want.length);
  if (!want.every((w, i) => itemAt(have, have.length - want.length + i)[0] === w)) return false;
  // The fragment must run to the end and start the name or follow a dot.
  const last = lastItem(have);
  return last.index! + last[0].length === stem.length && (first.index === 0 || stem[first.index! - 1] === '.');
}

/** What the document's title names ("Value propositions", "Feature rollout process") outweighs this many sections. */
const TITLE_WEIGHT = 4;

/**
 * A heading that names a kind only by a keyword in it ("Strategic content principles", "Primary goal")
 * says less about who wrote the document than one that names it outright ("Strategy", "Goals").
 */
const KEYWORD_VOTE = 0.5;

/**
 * A word in the file name ("launch" in `saved-searches-launch.md`) weighs as one heading naming a kind:
 * product teams name their own rollout plans and proposals that way too.
 */
const FILE_NAME_VOTE = 1;

/** The whole document's cue words must add up to this before they vote on its owner… */
const MIN_VOCABULARY = 12;
/** …and to this for their full weight (fewer words, less weight: a short page's few cues say little). */
const FULL_VOCABULARY = 80;

/**
 * What the document's words say, apart from its headings: a marketing channel plan under RFC headings
 * ("What's the problem", "Proposed next steps") talks campaigns and audiences throughout. The PM's and
 * PMM's shares of the document's cue words vote with up to as much weight as its headings together (at
 * least a title's), so neither headings nor words alone decide a document where they disagree.
 */
function voteByVocabulary(sections: readonly AnalysedSection[], counts: Map<string, number>): void {
  const byRole = new Map<string, number>();
  for (const s of sections) for (const [role, score] of s.cues.byRole) byRole.set(role, (byRole.get(role) ?? 0) + score);
  const authors = ['pm', 'pmm'];
  const total = authors.reduce((sum, r) => sum + (byRole.get(r) ?? 0), 0);
  if (total < MIN_VOCABULARY) return;
  const headingVotes = [...counts.values()].reduce((a, b) => a + b, 0);
  const weight = Math.max(TITLE_WEIGHT, headingVotes) * Math.min(1, total / FULL_VOCABULARY);
  // Words the document uses throughout speak for it; words in one of its sections speak for that section
  // (a PRD's one "Messaging" section is all taglines and campaigns, and its heading has voted already).
  const written = sections.filter((s) => !s.section.pseudo && s.section.prose.length);
  const spread = (role: string) => written.filter((s) => s.cues.byRole.has(role)).length / Math.max(1, written.length);
  for (const r of authors) counts.set(r, (counts.get(r) ?? 0) + (weight * (byRole.get(r) ?? 0) * spread(r)) / total);
}

/** With no declaration and no type, the document belongs to whoever owns most of its sections. */
export function ownerFromSections(catalogue: Catalogue, sections: AnalysedSection[], title: string | undefined, guessedType?: DocType): Analysis['docOwner'] {
  // Runs between the passes: only what the title, headings and bodies said on their own counts.
  const counts = new Map<string, number>();
  if (guessedType) {
    const owner = soleItem(expandRoles(catalogue, guessedType.owner));
    if (owner !== undefined) counts.set(owner, FILE_NAME_VOTE);
  }
  const titleMatch = title ? matchHeading(catalogue, title) : undefined;
  const titleKind = titleMatch?.kind;
  if (titleKind && !titleKind.skipOwnership) {
    const owner = soleItem(expandRoles(catalogue, titleKind.owner));
    // A title that names a kind outright ("Value propositions") says more than a keyword in it.
    const weight = titleMatch.via === 'synonym' ? 2 * TITLE_WEIGHT : TITLE_WEIGHT;
    if (owner !== undefined) counts.set(owner, (counts.get(owner) ?? 0) + weight);
  }
  for (const s of sections) {
    // Form fields repeat per item ("Challenge", "Solution" under each proposition): only headings vote.
    const kind = s.section.pseudo ? undefined : s.kind ?? s.readsAs?.kind;
    if (!kind || kind.skipOwnership) continue;
    const owner = soleItem(expandRoles(catalogue, kind.owner));
    if (owner === undefined) continue;
    counts.set(owner, (counts.get(owner) ?? 0) + (s.kind && s.evidence?.via === 'pattern' ? KEYWORD_VOTE : 1));
  }
  voteByVocabulary(sections, counts);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return { roles: [], via: 'unknown' };
  const [top, second] = ranked;
  // Two roles with comparable shares: the document is shared between them.
  if (second && second[1] * 2 > top![1]) return { roles: [top![0], second[0]], via: 'sections' };
  return { roles: [top![0]], via: 'sections' };
}
