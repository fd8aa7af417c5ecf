// Code actions on the last lint of a document: each finding's fixes (the safe one preferred), "disable the
// rule for this section", the rule's documentation, and one "fix all" (source.fixAll.specroles) with every
// safe fix that overlaps none taken before it (one pass of the CLI's --fix, on the text that was linted).
import { passFixes, STUB_BODY, type Finding, type Fix } from '../core';
import { findingDiagnostic } from './diagnostics';
import { WEB_DOC_LINKS, type DocLinks } from './doc-links';
import type { Linted } from './linting';
import { atOffset, linesFor, toRange, touches } from './positions';
import { sectionOf } from './sections';
import type { CodeAction, Range, TextEdit, WorkspaceEdit } from './types';

export const QUICK_FIX = 'quickfix';
export const FIX_ALL = 'source.fixAll.specroles';

/** The word a "disable for this section" directive gives as its reason, for the writer to replace. */
export const DISABLE_REASON = 'reason';

/**
 * The `data` of a quick fix whose edit a client may insert as a snippet instead (the VS Code extension does,
 * so the placeholder is selected and the cursor is in the new text); other clients apply the plain `edit`.
 * LSP's WorkspaceEdit carries no snippets that every client understands.
 */
export interface SnippetData {
  snippet: {
    uri: string;
    /** The range of the action's one text edit. */
    range: Range;
    /** The edit's new text in snippet syntax, with one placeholder (`${1:reason}`, `${1:TODO}`). */
    text: string;
  };
}

/** Whether a request limited to `only` kinds wants actions of `kind` (a kind covers its sub-kinds, and asking for a sub-kind covers its parent). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only?.length || only.some((o) => o === kind || kind.startsWith(`${o}.`) || o.startsWith(`${kind}.`));
}

function editOf(linted: Linted, fixes: readonly Fix[]): WorkspaceEdit {
  const lines = linesFor(linted, linted.text);
  const edits: TextEdit[] = fixes.flatMap((fix) => fix.edits.map((e) => ({ range: { start: atOffset(lines, e.start), end: atOffset(lines, e.end) }, newText: e.newText })));
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
  const out: CodeAction[] = f.fixes.map((fix) => {
    const edit = editOf(linted, [fix]);
    const action: CodeAction = { title: fix.title, kind: QUICK_FIX, edit, isPreferred: fix.safe, diagnostics: [diagnostic] };
    // "Add a … section": the cursor goes to the new section's body, its placeholder selected.
    const only = edit.changes?.[linted.uri];
    return f.ruleId === 'missing-section' && only?.length === 1 && only[0] ? { ...action, ...snippetData(linted.uri, only[0], STUB_BODY) } : action;
  });
  const section = sectionOf(linted, f);
  if (section && f.ruleId !== 'invalid-spec' && f.ruleId !== 'invalid-directive') {
    const line = section.section.headingRange.start.line;
    const lines = linesFor(linted, linted.text);
    const lineText = linted.text.slice(lines.lineStart(line), lines.lineEnd(line));
    const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
    const eol = linted.result.document.eol;
    const text =
      linted.result.document.format === 'yaml'
        ? `${indent}# specroles-disable-next-section ${f.ruleId} -- ${DISABLE_REASON}${eol}`
        : `<!-- specroles-disable-next-section ${f.ruleId} -- ${DISABLE_REASON} -->${eol}`;
    const at = { line: line - 1, character: 0 };
    const edit = { range: { start: at, end: at }, newText: text };
    out.push({ title: `Disable ${f.ruleId} for this section`, kind: QUICK_FIX, edit: { changes: { [linted.uri]: [edit] } }, diagnostics: [diagnostic], ...snippetData(linted.uri, edit, DISABLE_REASON) });
  }
  const title = `Show documentation for ${f.ruleId}`;
  out.push({ title, kind: QUICK_FIX, command: links.ruleCommand(f.ruleId, title) });
  return out;
}

/** `{ data }` that inserts `edit` as a snippet with its last `placeholder` selected; nothing where the text has none. */
function snippetData(uri: string, edit: TextEdit, placeholder: string): { data: SnippetData } | Record<string, never> {
  const at = edit.newText.lastIndexOf(placeholder);
  if (at < 0) return {};
  const text = `${escapeSnippet(edit.newText.slice(0, at))}\${1:${escapeSnippet(placeholder)}}${escapeSnippet(edit.newText.slice(at + placeholder.length))}`;
  return { data: { snippet: { uri, range: edit.range, text } } };
}

/** Text as literal snippet text: `$`, `}` and `\` escaped. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
