// The readiness view's rows for one linted document: per role (PM, PMM, shared, others) the sections it
// owns, which hold only placeholders, which carry findings, and what it still owes. The data is the
// engine's ownershipSummary, the same as the CLI's `--format summary`; here it is only worded for a tree.
import { ownershipSummary, ROLE_BUCKETS, roleBucket, type RoleBucket } from '../core';
import { shownFindings } from './diagnostics';
import type { Linted } from './linting';
import { sectionOf } from './sections';
import { basename, pathOf } from './uri';

/** What a row shows at a glance (the client picks an icon for it), most pressing first. */
export type ReadinessState = 'owed' | 'placeholder' | 'findings' | 'written';

export interface ReadinessRow {
  /** The section's heading, or what an owed section is ("a when (timeline, milestones or release)"). */
  label: string;
  /** "empty or placeholder · with 1 finding", "owed (missing) · "Roadmap and milestones" or …". */
  description: string;
  /** The row in full: its kind, owners and the findings' messages. */
  tooltip: string;
  state: ReadinessState;
  /** 0-based line to reveal: the heading, or (owed) where missing-section points. */
  line: number;
}

export interface RoleReadiness {
  role: RoleBucket;
  /** "PM", "PMM", "Shared (PM + PMM)", "Others". */
  label: string;
  /** "3 sections · 1 empty or placeholder · 2 findings · owes 1". */
  description: string;
  rows: ReadinessRow[];
}

export interface DocumentReadiness {
  uri: string;
  /** The file's name. */
  label: string;
  /** "Product requirements document · owner PM · 2 findings". */
  description: string;
  /** Only the roles with a section or something owed. */
  roles: RoleReadiness[];
}

const ROLE_LABELS: Record<RoleBucket, string> = { PM: 'PM', PMM: 'PMM', shared: 'Shared (PM + PMM)', others: 'Others' };

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function readinessOf(linted: Linted): DocumentReadiness {
  const label = basename(pathOf(linted.uri));
  if (linted.result.skipped) return { uri: linted.uri, label, description: 'not linted: over maxFileSize', roles: [] };
  const summary = ownershipSummary(linted.result);
  const findings = shownFindings(linted);
  // summary.sections is analysis.sections, in order: the findings are counted against the same index.
  const sections = linted.result.analysis.sections;
  const messages = sections.map((): string[] => []);
  for (const f of findings) {
    const section = sectionOf(linted, f);
    if (section) messages[sections.indexOf(section)]?.push(f.message);
  }

  const roles: RoleReadiness[] = [];
  for (const role of ROLE_BUCKETS) {
    const rows: ReadinessRow[] = [];
    let placeholders = 0;
    let found = 0;
    summary.sections.forEach((s, i) => {
      if (roleBucket(s.expected) !== role) return;
      const said = messages[i] ?? [];
      placeholders += s.placeholderOnly ? 1 : 0;
      found += said.length;
      // The kind only where the heading does not already say it ("Problem" is a Problem section).
      const kind = s.kind ? (s.kind.name.toLowerCase() === s.title.toLowerCase() ? [] : [s.kind.name]) : ['no known kind'];
      const what = [...kind, ...(role === 'others' && s.expectedLabel ? [s.expectedLabel] : [])];
      if (s.placeholderOnly) what.push('empty or placeholder');
      if (said.length) what.push(`with ${count(said.length, 'finding')}`);
      rows.push({
        label: s.title,
        description: what.join(' · ') || 'written',
        tooltip: [`${s.title} (line ${s.line}): ${s.kind ? s.kind.name : 'no known kind'}, owned by ${s.expectedLabel || 'no one in particular'}`, ...said.map((m) => `• ${m}`)].join('\n'),
        state: s.placeholderOnly ? 'placeholder' : said.length ? 'findings' : 'written',
        line: s.line - 1,
      });
    });
    const owed = summary.owes.filter((o) => roleBucket(o.roles) === role);
    for (const o of owed) {
      rows.push({
        label: o.requirement,
        description: `owed (missing) · ${o.kinds.map((k) => `"${k}"`).join(' or ')}`,
        tooltip: `The document type requires ${o.requirement}: add a section such as ${o.kinds.map((k) => `"${k}"`).join(' or ')}.`,
        state: 'owed',
        line: o.line - 1,
      });
    }
    if (!rows.length) continue;
    const sectionCount = rows.length - owed.length;
    const parts = [count(sectionCount, 'section')];
    if (placeholders) parts.push(`${placeholders} empty or placeholder`);
    if (found) parts.push(count(found, 'finding'));
    if (owed.length) parts.push(`owes ${owed.length}`);
    roles.push({ role, label: ROLE_LABELS[role], description: parts.join(' · '), rows });
  }

  const type = summary.type?.name ?? 'no document type';
  const description = [type, `owner ${summary.ownerLabel || 'unknown'}`, ...(findings.length ? [count(findings.length, 'finding')] : [])].join(' · ');
  return { uri: linted.uri, label, description, roles };
}
