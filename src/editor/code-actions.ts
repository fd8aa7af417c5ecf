// Code actions on the last lint of a document: each finding's fixes (the safe one preferred), "disable the
// rule for this section", the rule's documentation, and one "fix all" (source.fixAll.specroles) with every
// safe fix that overlaps none taken before it (one pass of the CLI's --fix, on the text that was linted).
import { passFixes, type AnalysedSection, type Finding, type Fix } from '../core';
import { findingDiagnostic } from './diagnostics';
import { WEB_DOC_LINKS, type DocLinks } from './doc-links';
import type { Linted } from './linting';
import { atOffset, toRange, touches } from './positions';
import type { CodeAction, Range, TextEdit, WorkspaceEdit } from './types';

export const QUICK_FIX = 'quickfix';
export const FIX_ALL = 'source.fixAll.specroles';

/** Whether a request limited to `only` kinds wants actions of `kind` (a kind covers its sub-kinds, and asking for a sub-kind covers its parent). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only?.length || only.some((o) => o === kind || kind.startsWith(`${o}.`) || o.startsWith(`${kind}.`));
}

function editOf(linted: Linted, fixes: readonly Fix[]): WorkspaceEdit {
  const edits: TextEdit[] = fixes.flatMap((fix) => fix.edits.map((e) => ({ range: { start: atOffset(linted.lines, e.start), end: atOffset(linted.lines, e.end) }, newText: e.newText })));
  return { changes: { [linted.uri]: edits } };
}

/**
 * The quick fixes of the findings at `range` first, then fix-all: clients that list the actions as they come
 * (Neovim's vim.lsp.buf.code_action() numbers them) put the fix for the finding under the cursor on top.
 */
export function codeActions(linted: Linted, range: Range, only: readonly string[] | undefined, links: DocLinks = WEB_DOC_LINKS): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(only, QUICK_FIX)) {
    for (const f of linted.result.findings) {
      // On the finding, or on any of its evidence (a drift's other cue words).
      const at = [f.range, ...(f.related ?? []).map((r) => r.range)];
      if (at.some((r) => touches(toRange(r), range))) actions.push(...quickFixes(linted, f, links));
    }
  }
  if (wants(only, FIX_ALL)) {
    const all = fixAllAction(linted);
    if (all) actions.push(all);
  }
  return actions;
}

export function fixAllAction(linted: Linted): CodeAction | undefined {
  const applied = passFixes(linted.result.document.text, linted.result.findings);
  if (!applied.length) return undefined;
  return { title: 'Fix all safe specroles problems', kind: FIX_ALL, edit: editOf(linted, applied.map((a) => a.fix)) };
}

function quickFixes(linted: Linted, f: Finding, links: DocLinks): CodeAction[] {
  const diagnostic = findingDiagnostic(f, linted.uri, links);
  const out: CodeAction[] = f.fixes.map((fix) => ({ title: fix.title, kind: QUICK_FIX, edit: editOf(linted, [fix]), isPreferred: fix.safe, diagnostics: [diagnostic] }));
  const section = sectionOf(linted, f);
  if (section && f.ruleId !== 'invalid-spec' && f.ruleId !== 'invalid-directive') {
    const line = section.section.headingRange.start.line;
    const start = linted.lines.lineStart(line);
    const lineText = linted.text.slice(start, linted.lines.lineEnd(line));
    const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
    const eol = linted.result.document.eol;
    const text =
      linted.result.document.format === 'yaml'
        ? `${indent}# specroles-disable-next-section ${f.ruleId} -- reason${eol}`
        : `<!-- specroles-disable-next-section ${f.ruleId} -- reason -->${eol}`;
    const at = { line: line - 1, character: 0 };
    out.push({ title: `Disable ${f.ruleId} for this section`, kind: QUICK_FIX, edit: { changes: { [linted.uri]: [{ range: { start: at, end: at }, newText: text }] } }, diagnostics: [diagnostic] });
  }
  const title = `Show documentation for ${f.ruleId}`;
  out.push({ title, kind: QUICK_FIX, command: links.ruleCommand(f.ruleId, title) });
  return out;
}

/** The innermost section holding the finding (by the finding's section title where several do). */
function sectionOf(linted: Linted, f: Finding): AnalysedSection | undefined {
  const offset = f.range.start.offset;
  const containing = linted.result.analysis.sections.filter(
    (s) => s.section.fullRange.start.offset <= offset && offset < Math.max(s.section.fullRange.end.offset, s.section.fullRange.start.offset + 1),
  );
  const byTitle = f.section ? containing.filter((s) => s.section.title === f.section) : [];
  return (byTitle.length ? byTitle : containing).at(-1);
}
