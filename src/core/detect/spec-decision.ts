// Is this file a spec, by what it says (issue 12)? Front ends first try the path globs and the markers
// (spec-files.ts); a Markdown or YAML file that neither selects is a spec when its headings name enough
// section kinds of the catalogue, or its words are those of PM/PMM work (below). This runs on every candidate file of a folder walk and in the editor on
// every Markdown/YAML document, so it reads headings with a line scan (no Markdown or YAML parser) and words with the cue index.
import type { Catalogue, CompiledKind } from '../catalogue/catalogue';
import { matchHeading } from '../classify/heading';
import { withoutClosingSequence } from '../parse/markdown-scan';
import { splitAtHeadings } from '../parse/split';
import { fencedTemplates, NAMES_A_TEMPLATE } from '../parse/template-fence';
import { WordRun } from '../text/words';
import { markedAsSpec } from '../spec-files';
import { group, itemAt } from '../text/indexing';
import { isCodeHeading } from '../classify/code-heading';
import { leadingGenre } from './other-genres';

/**
 * Two kinds of evidence, each from the catalogue, so a team's kinds, synonyms and cue words count too:
 * - structure: the headings name section kinds (administrative kinds, `skipOwnership`, not counted);
 * - vocabulary: the body uses the cue words of PM and PMM work (cues.yaml), by group and by density.
 * A file is a spec when its structure says so and its body talks about product work at all (more of it
 * where the structure is weak), or, with few or no such headings, when its vocabulary alone is broad and
 * dense. Headings written as code (an API's signatures) name no kind; in Markdown, kind headings that are
 * a small share of all headings (a package README's "API" and "Security") are incidental.
 */

/**
 * Structure: at least this many distinct kinds. Every document type asks for at least two groups of
 * sections (a PRD a why, a what and a when; a positioning document an audience and a value proposition);
 * one more than that leaves room for the one or two product-sounding headings ("Features", "Roadmap",
 * "Documentation") that READMEs and how-tos carry by accident.
 */
export const MIN_DISTINCT_KINDS = 3;

/**
 * ... or at least this many, when they are also MIN_KIND_SHARE of all headings: a short spec (an
 * issue-form template, a one-page brief) has few headings, nearly all of them sections. Half, because in
 * a non-spec kind-like headings are incidental, a minority among "Installation", "Usage", dates, versions.
 */
export const MIN_DISTINCT_KINDS_SHORT = 2;
export const MIN_KIND_SHARE = 0.5;

/**
 * Structure needs at least this much product vocabulary (weighted cue hits per 1000 words, about one
 * weak cue word per 200 words): headings such as "Why" or "Implementation" in a text that never speaks
 * of users, requirements, customers or launches (an architecture decision, a runbook) are a coincidence.
 */
export const MIN_DENSITY_WITH_HEADINGS = 5;

/**
 * In Markdown, the headings that name kinds must be at least this share of all headings: three among
 * fifty (a package README's "API", "Features" and "Security") are incidental. Not in YAML, whose
 * "headings" include every top-level key of metadata.
 */
export const MIN_KIND_SHARE_ANY = 0.2;

/**
 * ... and this much where the structure is weaker: only two kinds, or three or more that are under
 * MIN_KIND_SHARE of all headings. A package README's "API", "Security" and "Tests" among twenty other
 * headings, or a four-heading README's "Tests" and "Security", name kinds by accident; what tells such a
 * file from a spec is whether its words talk product work (about one cue word in 70).
 */
export const MIN_DENSITY_WEAK_STRUCTURE = 15;

/**
 * Dense vocabulary makes fewer headings enough: two kinds of section, or one kind named by at least
 * MIN_ONE_KIND_HEADINGS headings that are MIN_KIND_SHARE of all (a personas page, a launch-tier page, a
 * product marketing roadmap: one topic, section after section), in a text at MIN_DENSITY_ALONE. What
 * keeps READMEs and decision records out here is their own genre's headings (below), not a higher bar.
 */
export const MIN_ONE_KIND_HEADINGS = 3;

/**
 * Another genre (data/other-genres.yaml) decides against a spec when at least this many headings are
 * its own and they are at least as many as the distinct headings of known section kinds: a postmortem's
 * "Impact" and "Timeline", a README's "Features", minutes full of release talk, a changelog's "Features"
 * under every version are then that genre's.
 */
export const MIN_GENRE_HEADINGS = 2;

/**
 * Vocabulary alone: cue words from at least this many of the catalogue's cue groups (breadth: several
 * kinds of PM/PMM work, not one topic that happens to use a cue word) at a density of at least
 * MIN_DENSITY_ALONE weighted hits per 1000 words (about one strong cue per paragraph). Long documents
 * that mention product work in passing (changelogs, API references) stay below the density.
 */
export const MIN_CUE_GROUPS_ALONE = 5;
export const MIN_DENSITY_ALONE = 25;

/**
 * Only the start of a file is read: a spec's section headings start on its first pages, and the cap
 * keeps the decision cheap on a long changelog or meeting log. The CLI reads as much of each file.
 */
export const MAX_DECISION_CHARS = 64 * 1024;

/** Why a file is not a spec, in the words the CLI groups skipped files by. */
export type NotSpecBecause = 'no-headings' | 'few-headings' | 'incidental-headings' | 'no-vocabulary' | 'other-genre';

export interface SpecDecision {
  spec: boolean;
  /** Why, for messages: "3 of 7 headings name 3 known section kinds: Problem, Goals, Success metrics". */
  reason: string;
  /** When not a spec: the short reason, for a summary of many files. */
  because?: NotSpecBecause;
  /** The distinct non-administrative kinds the headings name, in order of first appearance. */
  kinds: CompiledKind[];
  /** Headings read (Markdown headings; YAML section titles, form labels and top-level keys). */
  headings: number;
  /** Distinct cue groups in the text, and weighted cue hits per 1000 words. */
  cueGroups: number;
  density: number;
}

export interface SpecDecisionOptions {
  isYaml: boolean;
  catalogue: Catalogue;
}

/** The content decision: a marker, or structure and vocabulary (see the constants above). */
export function specDecision(text: string, options: SpecDecisionOptions): SpecDecision {
  const { isYaml, catalogue } = options;
  const head = text.length > MAX_DECISION_CHARS ? text.slice(0, MAX_DECISION_CHARS) : text;
  if (markedAsSpec(head, isYaml, (type) => catalogue.docTypes.has(type))) {
    const reason = isYaml ? 'a top-level `specroles:` key marks it' : 'its front matter has `specroles:` or a known `type:`';
    return { spec: true, reason, kinds: [], headings: 0, cueGroups: 0, density: 0 };
  }
  const titles = isYaml ? yamlHeadings(head) : markdownHeadings(head);
  // A heading another genre claims by name ("Decision outcome") is that genre's, whatever keyword in it
  // names a section kind ("outcome").
  const genre = isYaml ? undefined : leadingGenre(titles);
  const genreHeadings = new Set(genre?.headings);
  const kinds: CompiledKind[] = [];
  let named = 0;
  // The headings that name kinds, each once: a changelog's "Features" and "Bug fixes" under every version
  // are two headings against the genre's many versions, not two per version.
  const distinctNamed = new Set<string>();
  for (const title of titles) {
    // An API's signature ("deprecate(fn, message[, code])") names no section, whatever words are in it.
    if (genreHeadings.has(title) || (!isYaml && isCodeHeading(title))) continue;
    const kind = matchHeading(catalogue, title)?.kind;
    if (!kind || kind.skipOwnership) continue;
    named++;
    distinctNamed.add(title.toLowerCase());
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  const ws = new WordRun(head);
  const hits = catalogue.cues.match(ws);
  const cueGroups = new Set(hits.map((h) => h.value.id)).size;
  const density = ws.length ? (1000 * hits.reduce((sum, h) => sum + h.value.weight, 0)) / ws.length : 0;

  const share = titles.length ? named / titles.length : 0;
  const incidental = !isYaml && share < MIN_KIND_SHARE_ANY;
  const structure = !incidental && (kinds.length >= MIN_DISTINCT_KINDS || (kinds.length >= MIN_DISTINCT_KINDS_SHORT && share >= MIN_KIND_SHARE));
  const dense = !incidental && density >= MIN_DENSITY_ALONE
    && (kinds.length >= MIN_DISTINCT_KINDS_SHORT || (named >= MIN_ONE_KIND_HEADINGS && share >= MIN_KIND_SHARE));
  const vocabulary = cueGroups >= MIN_CUE_GROUPS_ALONE && density >= MIN_DENSITY_ALONE;
  const what = isYaml ? 'section titles' : 'headings';
  const headingsSay = kinds.length
    ? `${named} of ${titles.length} ${what} name ${kinds.length === 1 ? 'a known section kind' : `${kinds.length} known section kinds`}: ${kinds.map((k) => k.name).join(', ')}`
    : `no ${what} of known section kinds`;
  const vocabularySays = `product vocabulary from ${cueGroups} cue ${cueGroups === 1 ? 'group' : 'groups'}, ${density.toFixed(0)} per 1000 words`;
  const result = { kinds, headings: titles.length, cueGroups, density };
  if (genre && genre.headings.length >= MIN_GENRE_HEADINGS && genre.headings.length >= distinctNamed.size) {
    const shown = genre.headings.slice(0, 3).map((h) => `"${h}"`).join(', ') + (genre.headings.length > 3 ? ', …' : '');
    return { spec: false, reason: `${genre.headings.length} of ${titles.length} ${what} are those of ${genre.genre.name} (${shown}); ${headingsSay}`, because: 'other-genre', ...result };
  }
  const strongStructure = kinds.length >= MIN_DISTINCT_KINDS && share >= MIN_KIND_SHARE;
  if (structure && density >= (strongStructure ? MIN_DENSITY_WITH_HEADINGS : MIN_DENSITY_WEAK_STRUCTURE)) return { spec: true, reason: headingsSay, ...result };
  if (dense) return { spec: true, reason: `${headingsSay}, in ${vocabularySays}`, ...result };
  if (vocabulary) return { spec: true, reason: `${headingsSay}, but ${vocabularySays}`, ...result };
  const because: NotSpecBecause = structure ? 'no-vocabulary' : !kinds.length ? 'no-headings' : incidental ? 'incidental-headings' : 'few-headings';
  const outline = because === 'incidental-headings' ? `, too few of the ${titles.length} to be its outline` : '';
  const reason = structure ? `${headingsSay}, but hardly any product vocabulary (${vocabularySays})` : `${headingsSay}${outline}, and ${vocabularySays}`;
  return { spec: false, reason, because, ...result };
}

/** How the CLI words a group of skipped files. */
export const NOT_SPEC_BECAUSE: Record<NotSpecBecause, string> = {
  'no-headings': 'no headings of known section kinds',
  'few-headings': 'too few headings of known section kinds',
  'incidental-headings': 'a few headings of known section kinds among many others (a README\'s or a reference\'s)',
  'no-vocabulary': 'headings of known kinds but hardly any product vocabulary',
  'other-genre': 'the headings of another kind of document (a README, a changelog, minutes, a decision record or a postmortem)',
};

const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const NOT_PARAGRAPH = /^ {0,3}(?:[-*+>|]|\d{1,9}[.)]|<|$)|^\s*$| {4}/;

/**
 * The text of each ATX and setext heading outside front matter, code fences and HTML comments, and of a
 * template carried in a ```markdown fence where the Markdown reader reads it as sections: in a document
 * that is nothing but a title and the template, or under a heading that names a template.
 */
export function markdownHeadings(text: string): string[] {
  let from = 0;
  const open = FRONT_MATTER_OPEN.exec(text);
  if (open) {
    const close = FRONT_MATTER_CLOSE.exec(text.slice(open[0].length));
    if (close) from = open[0].length + close.index + close[0].length;
  }
  const outside = headingsIn(text, from, text.length);
  const templates = fencedTemplates(text, from);
  if (!templates.length) return outside.map((h) => h.text);
  const all = [...outside];
  // Templates and headings are both in document order: the host of each template is the last heading before it.
  let next = 0;
  for (const t of templates) {
    while (next < outside.length && itemAt(outside, next).at < t.start) next++;
    const host = next > 0 ? outside[next - 1] : undefined;
    if (outside.length <= 1 || (host && NAMES_A_TEMPLATE.test(host.text))) all.push(...headingsIn(text, t.start, t.end));
  }
  return all.sort((a, b) => a.at - b.at).map((h) => h.text);
}

/** The headings between `from` and `to`, each with where it starts. */
function headingsIn(text: string, from: number, to: number): { at: number; text: string }[] {
  const headings: { at: number; text: string }[] = [];
  for (const chunk of splitAtHeadings(text, from, to)) {
    const [first = '', second = ''] = text.slice(chunk.start, Math.min(chunk.end, chunk.start + 2000)).split('\n', 2).map((l) => l.replace(/\r$/, ''));
    const atx = ATX.exec(first);
    const heading = atx ? withoutClosingSequence(first.slice(atx[0].length))
      // Every other cut is at a setext heading's text line; the first chunk starts wherever the body does.
      : chunk.start !== from || (SETEXT_UNDERLINE.test(second) && !NOT_PARAGRAPH.test(first)) ? first : undefined;
    const trimmed = heading === undefined ? '' : withoutComments(heading).trim();
    if (trimmed) headings.push({ at: chunk.start, text: trimmed });
  }
  return headings;
}

/**
 * A heading's text without HTML comments ("Pros and cons <!-- optional -->", "Messaging <!-- owner: pmm -->"),
 * as the Markdown reader gives section titles. By index, not a regular expression: a lazy `<!--.*?-->`
 * rescans to the end from every unclosed opener.
 */
function withoutComments(heading: string): string {
  let out = '';
  let from = 0;
  for (let open = heading.indexOf('<!--'); open >= 0; open = heading.indexOf('<!--', from)) {
    const close = heading.indexOf('-->', open + 4);
    if (close < 0) break;
    out += heading.slice(from, open);
    from = close + 3;
  }
  return out + heading.slice(from);
}

const YAML_TITLE = /^[ \t]*(?:-[ \t]+)?(?:title|label)[ \t]*:[ \t]*(.*)$/;
const YAML_TOP_KEY = /^([A-Za-z][\w-]*(?: [\w-]+)*)[ \t]*:(?:[ \t]|$)/;

/**
 * A YAML file's headings, read line by line: the `title:` of sections (`sections: - title: …`, as in
 * our YAML format and BMAD-style templates), the `label:` of issue-form fields (`body: - attributes:
 * label: …`), and the top-level keys (`problem:`, `acceptance_criteria:`, `target_users:`), which are
 * the sections of a YAML product file. Quoted values are unquoted; keys lose `_` and `-`.
 */
export function yamlHeadings(text: string): string[] {
  const headings: string[] = [];
  let block: number | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    // Inside a block scalar (`key: |`), until a line indented no deeper than its key.
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (block !== undefined) {
      if (line.trim() === '' || indent > block) continue;
      block = undefined;
    }
    if (/:[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(line)) block = indent;
    const top = YAML_TOP_KEY.exec(line);
    const key = top ? group(top, 1) : undefined;
    if (key !== undefined && key !== 'title' && key !== 'label') {
      headings.push(key.replace(/[_-]+/g, ' '));
      continue;
    }
    const titled = YAML_TITLE.exec(line);
    if (titled) {
      const value = unquote(withoutComment(group(titled, 1)).trim());
      if (value && !/^[|>]/.test(value)) headings.push(value);
    }
  }
  return headings;
}

/** The value before a ` #` comment (linear: a regular expression for it is quadratic on runs of blanks). */
function withoutComment(value: string): string {
  for (let i = value.indexOf('#'); i > 0; i = value.indexOf('#', i + 1)) if (value[i - 1] === ' ' || value[i - 1] === '\t') return value.slice(0, i);
  return value;
}

function unquote(value: string): string {
  const q = value[0];
  if ((q === '"' || q === "'") && value.endsWith(q) && value.length >= 2) return value.slice(1, -1);
  return value;
}
