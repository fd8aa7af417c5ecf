// `--format summary`: Markdown for a CI job's summary page (GitHub's $GITHUB_STEP_SUMMARY, or any CI that
// shows a Markdown artifact). Per document: for each role (PM, PMM, shared, others) the sections it owns
// with their kinds, the ones that hold only placeholders, and what it still owes (the sections the
// document type requires that are absent, from `missing-section`); then the findings by severity, each
// linked to its rule's page. Needs each file's sections (FileResult.document), which the CLI collects
// for this format only.
import { ROLE_BUCKETS, roleBucket, ruleDocUrl, type RoleBucket, type Severity } from '../../core';
import { count, type FileResult, type Message, type OwedSection, type SectionSummary } from '../report';
import { plural } from '../util';
import type { Formatter } from './types';

export const render: Formatter = (results) => summary(results);

const SEVERITIES: readonly { severity: Severity; title: string }[] = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Infos' },
];

/** Text in Markdown (and in a table cell): markup characters escaped, line breaks folded. */
export function md(s: string): string {
  return s
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

function counts(messages: readonly Message[]): string {
  const n = count([{ messages }]);
  return `${plural(n.errors, 'error')}, ${plural(n.warnings, 'warning')}, ${plural(n.infos, 'info')}`;
}

export function summary(results: readonly FileResult[]): string {
  const linted = results.filter((r) => !r.skipped && !r.error);
  const out: string[] = [];
  const total = count(results);
  const problems = total.errors + total.warnings + total.infos;
  out.push(
    `## specroles: ${plural(linted.length, 'spec')}, ${problems ? `${plural(total.errors, 'error')}, ${plural(total.warnings, 'warning')}, ${plural(total.infos, 'info')}` : 'no problems'}`,
    '',
  );
  if (!results.length) return `${out.join('\n')}No spec was linted.\n`;

  out.push('| document | type | owner | errors | warnings | infos | still owed |', '|---|---|---|---:|---:|---:|---|');
  for (const file of results) {
    const n = count([file]);
    const doc = file.document;
    const owed = doc?.owes.length ? doc.owes.map((o) => `${roleLabel(o)}: ${md(o.requirement)}`).join('<br>') : '';
    const note = file.skipped ? 'not linted (too large)' : file.error ? 'not read' : '';
    out.push(
      `| ${md(file.filePath)} | ${doc?.type ? md(doc.type.id) : ''} | ${doc ? md(doc.ownerLabel || 'unknown') : note} | ${n.errors} | ${n.warnings} | ${n.infos} | ${owed} |`,
    );
  }
  out.push('');

  for (const file of linted) {
    const doc = file.document;
    out.push(`### ${md(file.filePath)}`, '');
    if (doc) {
      const type = doc.type ? `${md(doc.type.name)} (\`${doc.type.id}\`)` : 'no document type';
      out.push(`${type} · owner: ${md(doc.ownerLabel || 'unknown')} · ${counts(file.messages)}`, '');
      out.push('| role | sections (kind) | empty or placeholder | still owes |', '|---|---|---|---|');
      for (const bucket of ROLE_BUCKETS) {
        const mine = doc.sections.filter((s) => roleBucket(s.expected) === bucket);
        const present = mine.filter((s) => !s.placeholderOnly).map((s) => sectionCell(s, bucket));
        const empty = mine.filter((s) => s.placeholderOnly).map((s) => sectionCell(s, bucket));
        const owes = doc.owes.filter((o) => roleBucket(o.roles) === bucket).map((o) => owedCell(o));
        out.push(`| ${bucket} | ${present.join('<br>') || '—'} | ${empty.join('<br>') || '—'} | ${owes.join('<br>') || '—'} |`);
      }
      out.push('');
    } else {
      out.push(counts(file.messages), '');
    }
    for (const { severity, title } of SEVERITIES) {
      const ms = file.messages.filter((m) => m.severity === severity);
      if (!ms.length) continue;
      out.push(`**${title} (${ms.length})**`, '');
      for (const m of ms) out.push(`- line ${m.line}: ${md(m.message)} ([${m.ruleId}](${ruleDocUrl(m.ruleId)}))`);
      out.push('');
    }
  }
  const skipped = results.filter((r) => r.skipped || r.error);
  if (skipped.length) {
    out.push('### Not linted', '');
    for (const r of skipped) out.push(`- ${md(r.skipped ?? r.error ?? r.filePath)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function sectionCell(s: SectionSummary, bucket: RoleBucket): string {
  const what = [s.kind ? md(s.kind.name) : 'no known kind', ...(bucket === 'others' && s.expectedLabel ? [md(s.expectedLabel)] : []), `line ${s.line}`];
  return `${md(s.title)} (${what.join(', ')})`;
}

function owedCell(o: OwedSection): string {
  return `${md(o.requirement)}: ${o.kinds.map((k) => `“${md(k)}”`).join(' or ')}`;
}

function roleLabel(o: OwedSection): string {
  const bucket = roleBucket(o.roles);
  return bucket === 'others' ? o.roles.join(' + ') || 'others' : bucket;
}
