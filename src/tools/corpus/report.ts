// Tables of accuracy figures: one row per set of documents (a split, a source, a document type), and the
// owner confusion table. Shared by `npm run eval` and the accuracy test, so both print the same thing.
import { aggregate, confusionOf, type DocumentScore, type Figures } from './evaluate';

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');

const COLUMNS = ['docs', 'sections', 'found', 'kind', 'owner', 'alarms/10', 'flags'];

function row(name: string, f: Figures): string[] {
  return [
    name,
    String(f.documents),
    String(f.sections),
    pct(f.found, f.sections),
    pct(f.kindCorrect, f.kindTotal),
    pct(f.ownerCorrect, f.ownerTotal),
    ((10 * f.falseAlarms) / Math.max(1, f.wellOwnedSections)).toFixed(2),
    `${f.flagsFound}/${f.flags}`,
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Figures for named sets of documents, one row each. */
export function figuresTable(title: string, sets: [string, readonly DocumentScore[]][]): string {
  return table([title, ...COLUMNS], sets.filter(([, s]) => s.length).map(([name, s]) => row(name, aggregate(s))));
}

/** One row per value of `key` (source, document type), largest first. */
export function breakdown(title: string, scores: readonly DocumentScore[], key: (s: DocumentScore) => string): string {
  const groups = new Map<string, DocumentScore[]>();
  for (const s of scores) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  const sets = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  return figuresTable(title, sets);
}

const GROUPS = ['PM', 'PMM', 'shared', 'eng', 'other', 'none'];

/** Rows: the labelled owner; columns: the owner specroles expects. */
export function confusionTable(scores: readonly DocumentScore[]): string {
  const cells = confusionOf(scores);
  const rows = GROUPS.filter((g) => g !== 'none').map((expected) => [expected, ...GROUPS.map((got) => String(cells.get(`${expected}→${got}`) ?? 0))]);
  return table(['labelled \\ specroles', ...GROUPS], rows.filter((r) => r.slice(1).some((c) => c !== '0')));
}
