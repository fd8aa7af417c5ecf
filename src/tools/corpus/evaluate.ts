// Measures the linter against the reviewer labels in test/corpus/labels.yaml: labelled sections found,
// kind and owner accuracy, false alarms on well-owned documents, reviewer flags found, and the confusion
// between owners. Scores each document on its own, so figures can be added up per split (development /
// locked test, test/corpus/split.yaml), per source and per document type. Reads the corpus in place.
// It lives under src/tools, not test/, because `npm run eval` (src/tools/eval.ts) shares it with the
// accuracy test, and nothing in src/ imports from test/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expandRoles, lint, type Finding, type LintOptions } from '../../core';

export interface LabelledSection {
  line: number;
  heading: string;
  kind: string | null;
  owner: string[];
  flag?: boolean;
  admin?: boolean;
  pseudo?: boolean;
  inFence?: boolean;
  inBlockquote?: boolean;
  title?: boolean;
  note?: string;
}

export interface LabelledDocument {
  file: string;
  docType: string;
  owner: string[];
  wellOwned: boolean;
  sections: LabelledSection[];
}

export type Split = 'dev' | 'test';

export interface SourceOf {
  source: string;
  split: Split;
  /** One of the 40 documents the vocabulary was fitted on before issue 12. */
  tunedBefore: boolean;
}

export interface Miss {
  file: string;
  line: number;
  heading: string;
  expected: string;
  got: string;
  what: 'kind' | 'owner' | 'not found';
}

/** What figures are made of, for one document or a set of them. */
interface Counts {
  sections: number;
  /** Labelled sections the parser found at the labelled line. */
  found: number;
  kindTotal: number;
  kindCorrect: number;
  ownerTotal: number;
  ownerCorrect: number;
  wellOwnedSections: number;
  flags: number;
}

/** One document's counts; figures for any set of documents are their sums (see `aggregate`). */
export interface DocumentScore extends Counts {
  file: string;
  source: string;
  split: Split;
  tunedBefore: boolean;
  docType: string;
  falseAlarms: { file: string; line: number; ruleId: string; message: string }[];
  missedFlags: { file: string; line: number; heading: string }[];
  misses: Miss[];
  /** "expected→got" owner group (PM, PMM, shared, eng, other, none) → sections. */
  confusion: Map<string, number>;
  findings: number;
  warnings: number;
}

export interface Figures extends Counts {
  documents: number;
  falseAlarms: number;
  flagsFound: number;
}

/** Rules whose findings say a section is owned by the wrong role. */
const OWNERSHIP_RULES = new Set(['section-owner-mismatch', 'content-owner-drift', 'foreign-section', 'shared-section-owners', 'metric-owner']);

export function loadLabels(projectRoot: string): LabelledDocument[] {
  return (parse(readFileSync(join(projectRoot, 'test', 'corpus', 'labels.yaml'), 'utf8')) as { documents: LabelledDocument[] }).documents;
}

/** file → its source and split, from test/corpus/split.yaml. */
export function loadSplit(projectRoot: string): Map<string, SourceOf> {
  const data = parse(readFileSync(join(projectRoot, 'test', 'corpus', 'split.yaml'), 'utf8')) as {
    sources: Record<string, { test?: boolean; files: string[] }>;
    tunedBefore: string[];
  };
  const tuned = new Set(data.tunedBefore);
  const bySource = new Map<string, SourceOf>();
  for (const [source, entry] of Object.entries(data.sources)) {
    for (const file of entry.files) bySource.set(file, { source, split: entry.test ? 'test' : 'dev', tunedBefore: tuned.has(file) });
  }
  return bySource;
}

/** The owner group a list of roles falls in, for the confusion table. */
export function ownerGroup(roles: readonly string[]): string {
  const key = [...roles].sort().join(',');
  if (key === '') return 'none';
  if (key === 'pm') return 'PM';
  if (key === 'pmm') return 'PMM';
  if (key === 'pm,pmm') return 'shared';
  if (key === 'eng') return 'eng';
  return 'other';
}

/**
 * Scores one labelled document. `options` adds lint options for it (a model trained without its source,
 * for leave-one-source-out).
 */
export function scoreDocument(doc: LabelledDocument, corpusDir: string, where: SourceOf, options: Partial<LintOptions> = {}): DocumentScore {
  const path = join(corpusDir, doc.file);
  const result = lint(readFileSync(path, 'utf8'), { ...options, path });
  const catalogue = result.analysis.catalogue;
  const byLine = new Map(result.analysis.sections.map((s) => [s.section.headingRange.start.line, s]));
  const findingsByLine = new Map<number, Finding[]>();
  for (const f of result.findings) findingsByLine.set(f.range.start.line, [...(findingsByLine.get(f.range.start.line) ?? []), f]);
  const e: DocumentScore = {
    file: doc.file, source: where.source, split: where.split, tunedBefore: where.tunedBefore, docType: doc.docType,
    sections: 0, found: 0, kindTotal: 0, kindCorrect: 0, ownerTotal: 0, ownerCorrect: 0, wellOwnedSections: 0,
    falseAlarms: [], flags: 0, missedFlags: [], misses: [], confusion: new Map(),
    findings: result.findings.length, warnings: result.findings.filter((f) => f.severity !== 'info').length,
  };
  for (const label of doc.sections) {
    e.sections++;
    const got = byLine.get(label.line);
    // A title heading that only introduces the document (admin: summary, metadata) is read as the
    // document's title, not as a section: found, with nothing to classify. One whose body is the content
    // (a personas page under "# Personas") must be read as a section, and is a miss where it is not.
    if (!got && label.title && label.admin) {
      e.found++;
      continue;
    }
    if (!got) {
      e.misses.push({ file: doc.file, line: label.line, heading: label.heading, expected: label.kind ?? '-', got: '-', what: 'not found' });
    } else {
      e.found++;
      if (label.kind) {
        e.kindTotal++;
        if (got.kind?.id === label.kind) e.kindCorrect++;
        else e.misses.push({ file: doc.file, line: label.line, heading: label.heading, expected: label.kind, got: got.kind?.id ?? '-', what: 'kind' });
        if (!label.admin) {
          e.ownerTotal++;
          const expectedRoles = expandRoles(catalogue, label.owner);
          const expected = [...expectedRoles].sort().join(',');
          const actual = [...got.expected].sort().join(',');
          // A kind led by one role that accepts another (technical approach: engineering leads, a PM
          // owner is fine in a PM document) matches a label naming just the lead.
          const leadMatches = label.owner.length === 1 && got.kind?.lead === label.owner[0];
          const correct = expected === actual || leadMatches;
          const cell = `${ownerGroup(expectedRoles)}→${correct ? ownerGroup(expectedRoles) : ownerGroup(got.expected)}`;
          e.confusion.set(cell, (e.confusion.get(cell) ?? 0) + 1);
          if (correct) e.ownerCorrect++;
          else e.misses.push({ file: doc.file, line: label.line, heading: label.heading, expected, got: actual || '-', what: 'owner' });
        }
      }
    }
    const here = findingsByLine.get(label.line) ?? [];
    if (label.flag) {
      e.flags++;
      if (!here.some((f) => OWNERSHIP_RULES.has(f.ruleId))) e.missedFlags.push({ file: doc.file, line: label.line, heading: label.heading });
    } else if (doc.wellOwned) {
      e.wellOwnedSections++;
      for (const f of here) if (f.severity !== 'info') e.falseAlarms.push({ file: doc.file, line: label.line, ruleId: f.ruleId, message: f.message });
    }
  }
  return e;
}

export function scoreAll(labels: LabelledDocument[], corpusDir: string, split: Map<string, SourceOf>, optionsFor: (doc: LabelledDocument, where: SourceOf) => Partial<LintOptions> = () => ({})): DocumentScore[] {
  return labels.map((doc) => {
    const where = split.get(doc.file);
    if (!where) throw new Error(`${doc.file} is labelled but has no source in test/corpus/split.yaml`);
    return scoreDocument(doc, corpusDir, where, optionsFor(doc, where));
  });
}

export function aggregate(scores: readonly DocumentScore[]): Figures {
  const f: Figures = { documents: 0, sections: 0, found: 0, kindTotal: 0, kindCorrect: 0, ownerTotal: 0, ownerCorrect: 0, wellOwnedSections: 0, falseAlarms: 0, flags: 0, flagsFound: 0 };
  for (const s of scores) {
    f.documents++;
    f.sections += s.sections;
    f.found += s.found;
    f.kindTotal += s.kindTotal;
    f.kindCorrect += s.kindCorrect;
    f.ownerTotal += s.ownerTotal;
    f.ownerCorrect += s.ownerCorrect;
    f.wellOwnedSections += s.wellOwnedSections;
    f.falseAlarms += s.falseAlarms.length;
    f.flags += s.flags;
    f.flagsFound += s.flags - s.missedFlags.length;
  }
  return f;
}

export function confusionOf(scores: readonly DocumentScore[]): Map<string, number> {
  const total = new Map<string, number>();
  for (const s of scores) for (const [cell, n] of s.confusion) total.set(cell, (total.get(cell) ?? 0) + n);
  return total;
}

/** The figures the bars are stated in, as fractions (false alarms per 10 sections). */
export interface Rates {
  found: number;
  kind: number;
  owner: number;
  falseAlarmsPer10: number;
  flagsFound: number;
  flags: number;
}

export function rates(f: Figures): Rates {
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  return {
    found: ratio(f.found, f.sections),
    kind: ratio(f.kindCorrect, f.kindTotal),
    owner: ratio(f.ownerCorrect, f.ownerTotal),
    falseAlarmsPer10: (10 * f.falseAlarms) / Math.max(1, f.wellOwnedSections),
    flagsFound: f.flagsFound,
    flags: f.flags,
  };
}

export function summary(f: Figures): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  return [
    `documents ${f.documents}, labelled sections ${f.sections}, found by the parser ${f.found} (${pct(f.found, f.sections)})`,
    `kind accuracy ${pct(f.kindCorrect, f.kindTotal)} (${f.kindCorrect}/${f.kindTotal})`,
    `owner accuracy ${pct(f.ownerCorrect, f.ownerTotal)} (${f.ownerCorrect}/${f.ownerTotal}, non-admin sections with a known kind)`,
    `false alarms at warning level on well-owned documents: ${f.falseAlarms} on ${f.wellOwnedSections} sections (${((10 * f.falseAlarms) / Math.max(1, f.wellOwnedSections)).toFixed(2)} per 10 sections)`,
    `reviewer flags found: ${f.flagsFound}/${f.flags}`,
  ].join('\n');
}
