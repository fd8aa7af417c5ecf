// Measures the linter against the reviewer labels in test/corpus/labels.yaml: kind and owner accuracy,
// false alarms on well-owned documents, reviewer flags missed. Reads the corpus in place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expandRoles, lint, type Finding } from '../../src/core';

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

export interface Evaluation {
  documents: number;
  sections: number;
  /** Labelled sections the parser found at the labelled line. */
  found: number;
  kindTotal: number;
  kindCorrect: number;
  ownerTotal: number;
  ownerCorrect: number;
  wellOwnedSections: number;
  falseAlarms: { file: string; line: number; ruleId: string; message: string }[];
  flags: number;
  missedFlags: { file: string; line: number; heading: string }[];
  perDocument: { file: string; findings: number; warnings: number; sections: number; found: number }[];
  misses: { file: string; line: number; heading: string; expected: string; got: string; what: 'kind' | 'owner' | 'not found' }[];
}

/** Rules whose findings say a section is owned by the wrong role. */
const OWNERSHIP_RULES = new Set(['section-owner-mismatch', 'content-owner-drift', 'foreign-section', 'shared-section-owners', 'metric-owner']);

export function loadLabels(projectRoot: string): LabelledDocument[] {
  return (parse(readFileSync(join(projectRoot, 'test', 'corpus', 'labels.yaml'), 'utf8')) as { documents: LabelledDocument[] }).documents;
}

export function evaluate(labels: LabelledDocument[], corpusDir: string): Evaluation {
  const e: Evaluation = {
    documents: labels.length, sections: 0, found: 0, kindTotal: 0, kindCorrect: 0, ownerTotal: 0, ownerCorrect: 0,
    wellOwnedSections: 0, falseAlarms: [], flags: 0, missedFlags: [], perDocument: [], misses: [],
  };
  for (const doc of labels) {
    const path = join(corpusDir, doc.file);
    const result = lint(readFileSync(path, 'utf8'), { path });
    const catalogue = result.analysis.catalogue;
    const byLine = new Map(result.analysis.sections.map((s) => [s.section.headingRange.start.line, s]));
    const findingsByLine = new Map<number, Finding[]>();
    for (const f of result.findings) findingsByLine.set(f.range.start.line, [...(findingsByLine.get(f.range.start.line) ?? []), f]);
    let found = 0;
    for (const label of doc.sections) {
      e.sections++;
      if (label.title && !byLine.has(label.line)) continue; // a title heading is read as the document's title
      const got = byLine.get(label.line);
      if (!got) {
        e.misses.push({ file: doc.file, line: label.line, heading: label.heading, expected: label.kind ?? '-', got: '-', what: 'not found' });
      } else {
        found++;
        if (label.kind) {
          e.kindTotal++;
          if (got.kind?.id === label.kind) e.kindCorrect++;
          else e.misses.push({ file: doc.file, line: label.line, heading: label.heading, expected: label.kind, got: got.kind?.id ?? '-', what: 'kind' });
          if (!label.admin) {
            e.ownerTotal++;
            const expected = expandRoles(catalogue, label.owner).sort().join(',');
            const actual = [...got.expected].sort().join(',');
            // A kind led by one role that accepts another (technical approach: engineering leads, a PM
            // owner is fine in a PM document) matches a label naming just the lead.
            const leadMatches = label.owner.length === 1 && got.kind?.lead === label.owner[0];
            if (expected === actual || leadMatches) e.ownerCorrect++;
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
    e.found += found;
    e.perDocument.push({
      file: doc.file,
      findings: result.findings.length,
      warnings: result.findings.filter((f) => f.severity !== 'info').length,
      sections: doc.sections.length,
      found,
    });
  }
  return e;
}

export function summary(e: Evaluation): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  return [
    `documents ${e.documents}, labelled sections ${e.sections}, found by the parser ${e.found} (${pct(e.found, e.sections)})`,
    `kind accuracy ${pct(e.kindCorrect, e.kindTotal)} (${e.kindCorrect}/${e.kindTotal})`,
    `owner accuracy ${pct(e.ownerCorrect, e.ownerTotal)} (${e.ownerCorrect}/${e.ownerTotal}, non-admin sections with a known kind)`,
    `false alarms at warning level on well-owned documents: ${e.falseAlarms.length} on ${e.wellOwnedSections} sections (${((10 * e.falseAlarms.length) / Math.max(1, e.wellOwnedSections)).toFixed(2)} per 10 sections)`,
    `reviewer flags found: ${e.flags - e.missedFlags.length}/${e.flags}`,
  ].join('\n');
}
