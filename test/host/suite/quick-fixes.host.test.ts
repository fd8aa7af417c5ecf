// Quick fixes that leave something to type: applied as VS Code applies a code action (its edit, then its
// command), they must leave the selection on what the writer replaces, in view.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecRolesApi } from '../../../src/extension/extension';
import { closeAll, diagnosticsWhen, EXTENSION_ID, openUntitled, ruleOf } from './support';
import { checkoutSpec, MISDECLARED_MESSAGING } from '../../support/checkout-spec';

const MISMATCH_SPEC = checkoutSpec(`${MISDECLARED_MESSAGING}
## Timeline

Beta in March.
`);

// No "when": missing-section offers to add one, after a Requirements section long enough to be out of view.
const REQUIREMENTS = Array.from({ length: 150 }, (_, i) => `- Requirement ${i + 1} MUST hold.`).join('\n');
const NO_TIMELINE_SPEC = checkoutSpec(`## Requirements

${REQUIREMENTS}
`);

async function quickFix(editor: vscode.TextEditor, rule: string, title: (t: string) => boolean): Promise<vscode.CodeAction> {
  const uri = editor.document.uri;
  const ds = await diagnosticsWhen(uri, (d) => d.some((x) => ruleOf(x) === rule), rule);
  const d = ds.find((x) => ruleOf(x) === rule)!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((a) => title(a.title));
  assert.ok(action?.edit, actions.map((a) => a.title).join(', '));
  return action;
}

/** What the workbench does with a chosen code action: its edit, then its command. */
async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(await vscode.workspace.applyEdit(action.edit!));
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

const lineOf = (doc: vscode.TextDocument, text: string) => doc.getText().split('\n').findIndex((l) => l.includes(text));

describe('Spec Roles quick fixes: where the cursor goes', function () {
  before(async () => {
    await vscode.extensions.getExtension<SpecRolesApi>(EXTENSION_ID)!.activate();
  });

  afterEach(closeAll);

  it('"Disable … for this section" selects the reason, ready to type over', async () => {
    const editor = await openUntitled('markdown', MISMATCH_SPEC);
    await apply(await quickFix(editor, 'section-owner-mismatch', (t) => t === 'Disable section-owner-mismatch for this section'));
    const directive = '<!-- specroles-disable-next-section section-owner-mismatch -- reason -->';
    const line = lineOf(editor.document, directive);
    assert.equal(editor.document.lineAt(line + 1).text, '## Messaging <!-- owner: pm -->');
    const reason = editor.document.lineAt(line).text.indexOf('reason');
    assert.deepEqual(
      [editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character],
      [line, reason, line, reason + 'reason'.length],
      'the word "reason" is selected',
    );
    await vscode.commands.executeCommand('type', { text: 'launch copy, reviewed by PMM' });
    assert.equal(editor.document.lineAt(line).text, '<!-- specroles-disable-next-section section-owner-mismatch -- launch copy, reviewed by PMM -->');
  });

  it('"Disable … for this section" in a YAML spec selects the reason in the comment', async () => {
    const editor = await openUntitled('yaml', 'specroles: 1\ntype: prd\nowner: pm\nsections:\n  - title: Messaging\n    owner: pm\n    body: One checkout, every wallet.\n');
    await apply(await quickFix(editor, 'section-owner-mismatch', (t) => t === 'Disable section-owner-mismatch for this section'));
    const line = lineOf(editor.document, '# specroles-disable-next-section');
    assert.equal(editor.document.lineAt(line).text, '  # specroles-disable-next-section section-owner-mismatch -- reason');
    assert.equal(editor.document.getText(editor.selection), 'reason');
    assert.equal(editor.selection.start.line, line);
  });

  it('"Add a … section" puts the cursor in the new section\'s body, in view', async () => {
    const editor = await openUntitled('markdown', NO_TIMELINE_SPEC);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    const action = await quickFix(editor, 'missing-section', (t) => t.startsWith('Add a "'));
    const name = /^Add a "(.+)" section$/.exec(action.title)![1]!;
    await apply(action);
    const heading = lineOf(editor.document, `## ${name} <!-- owner:`);
    assert.ok(heading > 150, `the new section is at the end (line ${heading})`);
    const { start, end } = editor.selection;
    assert.ok(start.line > heading && start.line <= heading + 3, `the cursor is in the section's body (line ${start.line}, heading on ${heading})`);
    assert.equal(editor.document.getText(new vscode.Range(start, end)), 'TODO', 'the body placeholder is selected');
    assert.ok(editor.visibleRanges.some((r) => r.contains(start)), `line ${start.line} is in view (${editor.visibleRanges.map((r) => `${r.start.line}-${r.end.line}`).join(', ')})`);
    await diagnosticsWhen(editor.document.uri, (ds) => !ds.some((d) => ruleOf(d) === 'missing-section'), 'no missing section');
  });
});
