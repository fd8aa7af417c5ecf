// The one entry point every front end uses: text in, findings out.
import { analyse, moveReadings, type AnalysedSection, type Analysis } from '../classify/analyse';
import { catalogueFor } from '../catalogue/catalogue';
import type { ConfigProblem } from '../config/problem';
import { configForPath, runSettings, type RuleRun, type RunSettings } from '../config/resolve';
import type { Config } from '../config/schema';
import type { DocumentFormat, Finding, ParsedDocument, ParseProblem, Range } from '../model';
import { clearParseCache } from '../parse/markdown';
import { MarkdownModel, type OffsetEdit } from '../parse/markdown-model';
import { parseYamlSpec } from '../parse/yaml-spec';
import { rules, rulesById } from '../rules';
import { releaseYamlTree } from '../rules/yaml-layout';
import { namedAsYamlSpec } from '../spec-files';
import type { Report } from '../rules/rule';
import { encodingProblems } from '../text/encoding';
import { DEFAULT_MAX_FILE_SIZE, parseFileSize, tooLargeNotice, utf8SizeOver } from '../text/file-size';
import { applyDirectives } from './directives';
import { itemAt } from '../text/indexing';
import { contextOf, keep, partAt, partsOf, partwise, sectionsOutside, type FreshFindings, type PartFindings } from './part-findings';

export interface LintOptions {
  /** The file's path: decides the format, whether a YAML file is a spec, the type by file name, and overrides. */
  path?: string;
  /** An editor's language id ("markdown", "yaml"); wins over the path's extension. */
  languageId?: string;
  /** The merged config (see loadConfig); overrides are applied here for `path`. */
  config?: Config;
  /** Bytes; wins over the config's `maxFileSize` (an editor setting the user chose). */
  maxFileSize?: number;
  /**
   * The text was decoded from bytes that are valid UTF-8 (decodeUtf8): a U+FFFD in it is a character the
   * file holds, not a sign of bytes lost in reading, so it is neither reported nor a reason to hold back fixes.
   */
  validUtf8?: boolean;
}

export interface LintResult {
  findings: Finding[];
  document: ParsedDocument;
  analysis: Analysis;
  /** Problems with the config that only show when a file is linted (bad rule options, bad kinds). */
  configProblems: ConfigProblem[];
  /** Set when the text is over `maxFileSize` and was not linted: the notice to show (no findings then). */
  skipped?: string;
}

/** The parsers lint calls, in an object so that a test can make one fail (the safety net below). */
export const parsers = { markdown: (text: string) => new MarkdownModel(text), yaml: parseYamlSpec };

const settingsCache = new WeakMap<Config, RunSettings>();
const NO_CONFIG: Config = {};
const knownRuleIds: ReadonlySet<string> = new Set(rules.map((r) => r.meta.id));

export function formatOf(path: string | undefined, languageId?: string): DocumentFormat {
  if (languageId) return /ya?ml/i.test(languageId) ? 'yaml' : 'markdown';
  return path && /\.ya?ml$/i.test(path) ? 'yaml' : 'markdown';
}

function settingsFor(config: Config): RunSettings {
  let settings = settingsCache.get(config);
  if (!settings) {
    settings = runSettings(config);
    settingsCache.set(config, settings);
  }
  return settings;
}

/**
 * What the engine finds wrong with a config when it uses it (rules' options, unknown rule ids, kinds and
 * document types), for a file at `path` (its `overrides` applied) or for the config itself.
 */
export function engineConfigProblems(config: Config, path?: string): ConfigProblem[] {
  const forPath = configForPath(config, path);
  return [...settingsFor(forPath).problems, ...catalogueFor(forPath).problems];
}

/**
 * Lints a text. Linting the text of one of the last few results again, with the same options, gives that
 * result again (results are never changed by the engine, except by lintIncremental, which takes one over).
 */
export function lint(input: string, options: LintOptions = {}): LintResult {
  return recentResult(input, options) ?? lintText(input, options);
}

/** What an incremental re-lint starts from: the state of the previous result and the edit since. */
export interface Reuse {
  state: LintState;
  analysis: Analysis;
  edit: OffsetEdit;
}

/** What the engine keeps with a result for lintIncremental (see states). */
export interface LintState {
  input: string;
  options: LintOptions;
  /** The Markdown document as read, to be edited; none for YAML, skipped or unreadable documents. */
  model?: MarkdownModel;
  /** No NUL or U+FFFD in the text: an edit that brings none leaves it so. */
  encodingClean: boolean;
  /** Set once lintIncremental has taken the result over: its objects now belong to a newer result. */
  consumed: boolean;
  /** The findings of section-scoped rules per top-level part, for the next edit (Markdown only). */
  partFindings?: PartFindings;
}

/** The state behind each result the engine gave. */
export const states = new WeakMap<LintResult, LintState>();

/** Forgets every parsed chunk and every recent result: the next lint starts cold. */
export function clearCaches(): void {
  clearParseCache();
  recent.length = 0;
}

export function lintText(input: string, options: LintOptions, reuse?: Reuse): LintResult {
  // A byte-order mark is invisible to users and to editors' columns, but counts in offsets.
  const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? input.slice(1) : input;
  // One shared empty config: the catalogue and every cache keyed by it live as long as the config.
  const config = configForPath(options.config ?? NO_CONFIG, options.path);
  const settings = settingsFor(config);
  const catalogue = catalogueFor(config);
  const format = formatOf(options.path, options.languageId);
  const configProblems = [...settings.problems, ...catalogue.problems];
  const limit = maxFileSizeFor(config, options.maxFileSize);
  const size = utf8SizeOver(text, limit);
  const state: LintState = { input, options, encodingClean: false, consumed: false };
  if (size !== undefined) {
    const document = emptyDocument(format, text, []);
    return remember({ findings: [], document, analysis: analyse(document, catalogue, options.path), configProblems, skipped: tooLargeNotice(size, limit) }, state);
  }
  // An edit that brings no NUL or U+FFFD into a text that had none leaves it without: no need to look.
  const clean = reuse?.state.encodingClean && !/[\u0000\uFFFD]/.test(text.slice(reuse.edit.start, reuse.edit.newEnd));
  const encoding = clean ? { problems: [], blockFixes: false } : encodingProblems(text, options.validUtf8);
  state.encodingClean = !encoding.problems.length;
  let document: ParsedDocument;
  let analysis: Analysis;
  try {
    let previous: Analysis | undefined;
    if (format === 'yaml') {
      document = parsers.yaml(text, { isSpec: !!options.path && namedAsYamlSpec(options.path) });
    } else {
      // The previous document edited in place, where it can be (and its analysis, whose unchanged parts are
      // kept); else read anew. Either way the same document.
      const model = reuse?.state.model;
      if (model && !bom && reuse.edit && model.edit(text, reuse.edit, moveReadings)) {
        state.model = model;
        previous = reuse.analysis;
      } else {
        state.model = parsers.markdown(text);
      }
      document = state.model.document;
    }
    document.problems.unshift(...encoding.problems);
    analysis = analyse(document, catalogue, options.path, previous);
  } catch (e) {
    delete state.model;
    // Last line of defence: a front end must get a finding, never an exception (an editor host would log
    // it on every keystroke). Tests assert that this never happens for any input they can make.
    document = unreadable(format, text, e, encoding.problems);
    analysis = analyse(document, catalogue, options.path);
  }
  const fatal = document.problems.some((p) => p.fatal);

  const findings: Finding[] = [];
  const run = (id: string, ruleRun: RuleRun, on: Analysis, into: Finding[]): boolean => {
    const rule = rulesById.get(id)!;
    const report = (r: Report) => into.push(toFinding(id, ruleRun.severity, r, rule.meta.guidelines, catalogue.guidelines));
    try {
      rule.check({
        doc: document,
        analysis: on,
        wholeAnalysis: analysis,
        options: ruleRun.options as never,
        ...(options.path ? { path: options.path } : {}),
        requireDisableReason: settings.requireDisableReason,
        report,
      });
      return true;
    } catch (e) {
      report({ range: START, message: `${INTERNAL_ERROR} rule "${id}" failed on this document (${errorText(e)}); its other findings here may be missing. This is a bug in specroles: please report it with the file.` });
      return false;
    }
  };
  // Section-scoped rules run only over the parts of an edited Markdown document that were read again; the
  // other parts' findings are the previous result's, moved as their part moved (part-findings.ts).
  const parts = !fatal && !encoding.blockFixes && !bom && state.model ? partsOf(analysis) : undefined;
  const context = parts ? contextOf(analysis, document.format, options.path, settings) : [];
  const before = parts ? reuse?.state.partFindings : undefined;
  const known = before && before.context.length === context.length && before.context.every((v, i) => v === context[i]) ? before : undefined;
  const byRule: PartFindings['byRule'] = new Map();
  let freshOnly: Analysis | undefined;
  for (const [id, ruleRun] of settings.rules) {
    if (fatal && id !== 'invalid-spec') continue;
    const meta = rulesById.get(id)!.meta;
    if (!parts || meta.scope !== 'section') {
      run(id, ruleRun, analysis, findings);
      continue;
    }
    const ruleContext = meta.documentContext?.(document, analysis, ruleRun.options as never);
    const last = known?.byRule.get(id);
    let kept = last && last.context === ruleContext ? last.parts : undefined;
    // Findings that name lines in their text are kept only while their parts stay on their lines.
    if (kept && meta.linesInMessages) for (const [root, list] of kept) if (list[0] && list[0].line !== root.section.headingRange.start.line) kept = undefined;
    if (kept) freshOnly ??= { ...analysis, sections: sectionsOutside(analysis, parts, known!.roots) };
    const made: Finding[] = [];
    // Each new finding goes to its part; one outside the parts the rule read (a rule that reads beyond its
    // part) makes it run over the whole document, its findings kept for no part.
    let inParts = run(id, ruleRun, kept ? freshOnly! : analysis, made);
    const mine = new Map<AnalysedSection, FreshFindings>();
    const documentWide: Finding[] = [];
    for (const f of made) {
      const root = partAt(parts.roots, f.range.start.offset);
      if (root === 'before') documentWide.push(f);
      else if (!root || (kept && known!.roots.has(root))) inParts = false;
      else {
        let list = mine.get(root);
        if (!list) mine.set(root, (list = { made: [], kept: [] }));
        list.made.push(f);
        list.kept.push(keep(f, root));
      }
    }
    if (!inParts) {
      if (kept) run(id, ruleRun, analysis, findings);
      else findings.push(...made);
      continue;
    }
    const byPart = partwise(parts, kept, mine);
    for (const f of byPart.findings) findings.push(f);
    findings.push(...documentWide);
    byRule.set(id, { context: ruleContext, parts: byPart.byPart });
  }
  if (parts) state.partFindings = { context, roots: parts.order, byRule };
  if (document.format === 'yaml') releaseYamlTree(document);

  const { kept, problems } = applyDirectives(document, findings, knownRuleIds, settings.requireDisableReason);
  const directiveRun = settings.rules.get('invalid-directive');
  if (directiveRun) {
    const meta = rulesById.get('invalid-directive')!.meta;
    for (const p of problems) kept.push(toFinding('invalid-directive', directiveRun.severity, p, meta.guidelines, catalogue.guidelines));
  }
  kept.sort(byPosition);
  if (fatal || encoding.blockFixes) for (const f of kept) f.fixes = [];
  if (bom) for (const f of kept) shiftForBom(f);
  return remember({ findings: kept, document, analysis, configProblems }, state);
}

/** The last results, newest first, for lint of an unchanged text (see recentResult). */
const recent: LintResult[] = [];
const RECENT = 4;
/**
 * Texts at least this long are kept with one recent result only, the newest such: a kept result of a
 * 1 MB spec holds about 7 MB, which every garbage collection walks while it is kept (three of them made
 * the next 1 MB lint's collections a good part of its time), and a long text is rarely linted unchanged
 * but after the one before it.
 */
const LONG_TEXT = 256 * 1024;

function remember(result: LintResult, state: LintState): LintResult {
  states.set(result, state);
  madeWith.set(result, currentMakers());
  if (state.input.length >= LONG_TEXT) {
    for (let i = recent.length - 1; i >= 0; i--) if (itemAt(recent, i).document.text.length >= LONG_TEXT) recent.splice(i, 1);
  }
  recent.unshift(result);
  if (recent.length > RECENT) recent.length = RECENT;
  return result;
}

/** A result taken over by lintIncremental is no longer one to give again. */
export function consume(result: LintResult): void {
  const state = states.get(result);
  if (state) state.consumed = true;
  const at = recent.indexOf(result);
  if (at >= 0) recent.splice(at, 1);
}

/**
 * A recent result of the same text and options, made with the same parsers and rules (tests swap them
 * to make one fail). Comparing the texts costs a fraction of a millisecond per megabyte.
 */
function recentResult(input: string, options: LintOptions): LintResult | undefined {
  for (const result of recent) {
    const state = states.get(result)!;
    if (!sameOptions(state.options, options)) continue;
    if (state.consumed || state.input !== input || madeWith.get(result) !== currentMakers()) continue;
    return result;
  }
  return undefined;
}

/** Two lints with these options give the same result for the same text. */
export function sameOptions(a: LintOptions, b: LintOptions): boolean {
  return a.path === b.path && a.languageId === b.languageId && a.config === b.config && a.maxFileSize === b.maxFileSize && a.validUtf8 === b.validUtf8;
}

/** The parsers and rule checks a result was made with: the same object while none was swapped. */
const madeWith = new WeakMap<LintResult, object>();
let makers: { parsers: unknown[]; checks: unknown[]; key: object } | undefined;

function currentMakers(): object {
  const now = [parsers.markdown, parsers.yaml];
  const checks = rules.map((r) => r.check);
  if (!makers || makers.parsers.some((p, i) => p !== now[i]) || makers.checks.some((c, i) => c !== checks[i])) makers = { parsers: now, checks, key: {} };
  return makers.key;
}

/** The size limit for a file with this config: a front end's setting, else the config's, else 10 MB. */
export function maxFileSizeFor(config: Config, setting?: number): number {
  return setting ?? parseFileSize(config.maxFileSize) ?? DEFAULT_MAX_FILE_SIZE;
}

/** Messages of findings that stand in for an exception start with this; tests assert they never appear. */
export const INTERNAL_ERROR = 'specroles could not finish:';
const START: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

function isTooDeep(e: unknown): boolean {
  return e instanceof RangeError && /maximum call stack size exceeded/i.test(e.message);
}

function errorText(e: unknown): string {
  if (isTooDeep(e)) return 'the document is nested too deeply to read';
  const [firstLine = ''] = (e instanceof Error ? e.message : String(e)).split('\n', 1);
  return firstLine.slice(0, 200);
}

/** The document as nothing but the problem that stopped it being read. */
function unreadable(format: DocumentFormat, text: string, e: unknown, before: ParseProblem[]): ParsedDocument {
  const message = isTooDeep(e)
    ? `${INTERNAL_ERROR} the document is nested too deeply to read (lists or quotes thousands of levels deep), so nothing in it is checked.`
    : `${INTERNAL_ERROR} reading this document failed (${errorText(e)}), so nothing in it is checked. This is a bug in specroles: please report it with the file.`;
  return emptyDocument(format, text, [...before, { message, range: START, fatal: true }]);
}

/** A document with no sections: what lint reports on when it could not, or did not, read the text. */
function emptyDocument(format: DocumentFormat, text: string, problems: ParseProblem[]): ParsedDocument {
  return { format, text, eol: text.includes('\r\n') ? '\r\n' : '\n', meta: {}, sections: [], directives: [], problems, bodyStart: 0 };
}

function toFinding(ruleId: string, severity: Finding['severity'], r: Report, ruleGuidelines: string[], known: ReadonlyMap<string, unknown>): Finding {
  // The finding's own guidelines (those of the section's kind) before the rule's general ones: the first is
  // the one a hover shows, and it should speak of this section's owner.
  const guidelines = [...new Set([...(r.guidelines ?? []), ...ruleGuidelines])].filter((g) => known.has(g));
  const capped = r.weak && severity !== 'info' ? 'info' : severity;
  const finding: Finding = { ruleId, severity: capped, message: r.message, range: r.range, guidelines, fixes: r.fixes ?? [] };
  if (r.section) finding.section = r.section.section.title;
  if (r.related?.length) finding.related = r.related;
  if (r.data) finding.data = r.data;
  return finding;
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId);
}

function shiftForBom(f: Finding): void {
  const shift = (r: Range): Range => ({ start: { ...r.start, offset: r.start.offset + 1 }, end: { ...r.end, offset: r.end.offset + 1 } });
  f.range = shift(f.range);
  if (f.related) f.related = f.related.map((r) => ({ ...r, range: shift(r.range) }));
  for (const fix of f.fixes) for (const e of fix.edits) {
    e.start += 1;
    e.end += 1;
  }
}
