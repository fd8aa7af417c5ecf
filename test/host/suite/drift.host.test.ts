// "Wrong role's text" in a real VS Code (issue 16, item 8): the problem sits on the cue words, not on the
// heading; the others are listed under it; the fix moves the paragraph to a section the right role owns.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhen, openUntitled, ruleOf } from './support';

const LAUNCH_COPY = '- Launch with a tagline on the landing page.\n- Run a campaign and send a press release.';
const DRIFTING_SPEC = `## Requirements\n\nThe API answers in 200 ms.\n\n${LAUNCH_COPY}\n\n## Positioning\n\nFor shoppers who abandon carts.\n`;

describe('Spec Roles extension: drift on its words', function () {
  afterEach(closeAll);

  it('puts the drift diagnostic on the cue word, lists every cue word as related information, and moves the paragraph', async () => {
    const editor = await openUntitled('markdown', DRIFTING_SPEC);
    const uri = editor.document.uri;
    const ds = await diagnosticsWhen(uri, (d) => d.some((x) => ruleOf(x) === 'content-owner-drift'), 'the drift diagnostic');
    const d = ds.find((x) => ruleOf(x) === 'content-owner-drift')!;
    assert.equal(editor.document.getText(d.range), 'tagline', `the range is ${JSON.stringify(d.range)}, not on the word`);
    const related = (d.relatedInformation ?? []).map((r) => editor.document.getText(r.location.range).toLowerCase());
    assert.deepEqual(related, ['tagline', 'landing page', 'campaign', 'press release']);
    assert.ok(d.relatedInformation!.every((r) => r.location.uri.toString() === uri.toString()));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const move = actions.find((a) => a.title === 'Move the paragraph to "Positioning" (PMM)');
    assert.ok(move?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(move.edit));
    assert.equal(editor.document.getText(), `## Requirements\n\nThe API answers in 200 ms.\n\n## Positioning\n\nFor shoppers who abandon carts.\n\n${LAUNCH_COPY}\n`);
    await diagnosticsWhen(uri, (x) => !x.some((y) => ruleOf(y) === 'content-owner-drift'), 'the drift gone');
  });
});
