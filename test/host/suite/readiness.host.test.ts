// The "Spec Roles" readiness view (Explorer), read through the extension's API as the tree shows it: per spec,
// per role, the sections the role owns, the empty ones, the ones with findings and what it owes; a click goes to
// the section; the role filter; the view re-fetches its tree as specs are opened, edited and closed.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecRolesApi } from '../../../src/extension/extension';
import type { ReadinessSnapshot } from '../../../src/extension/readiness-view';
import { closeAll, diagnosticsWhen, EXTENSION_ID, openUntitled, sleep } from './support';
import { checkoutSpec, MISDECLARED_MESSAGING } from '../../support/checkout-spec';

// Problem (PM, written), Goals (PM, placeholder only), Messaging (PMM's, marked pm: a finding); no "what" or "when".
const SPEC = checkoutSpec(`## Goals

TODO

${MISDECLARED_MESSAGING}`);

/** The tree without what a click runs, as text: one line per row, indented by depth. */
function outline(nodes: ReadinessSnapshot[] = [], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.icon ? `$(${n.icon}) ` : ''}${n.label} — ${n.description ?? ''}${n.line === undefined ? '' : ` (line ${n.line + 1})`}`,
    ...outline(n.children, depth + 1),
  ]);
}

describe('Spec Roles readiness view', function () {
  let api: SpecRolesApi;

  before(async () => {
    api = await vscode.extensions.getExtension<SpecRolesApi>(EXTENSION_ID)!.activate();
    await api.ready();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('specroles.readiness.showAllRoles');
    await closeAll();
  });

  /** The tree's node for `doc`, once `test` holds for it: fetched afresh, or (`refetch` false) as the view shows it. */
  async function nodeOf(doc: vscode.TextDocument, test: (node: ReadinessSnapshot | undefined) => boolean, what: string, refetch = true): Promise<ReadinessSnapshot | undefined> {
    const label = doc.uri.path.split('/').pop();
    const deadline = Date.now() + 8000;
    for (;;) {
      const node = (await api.readinessTree(refetch)).find((n) => n.label === label);
      if (test(node)) return node;
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; the tree has ${JSON.stringify(outline(await api.readinessTree(refetch)))}`);
      await sleep(100);
    }
  }

  it('shows per role the sections it owns, the empty ones, those with findings and what it owes', async () => {
    const editor = await openUntitled('markdown', SPEC);
    await diagnosticsWhen(editor.document.uri, (ds) => ds.length === 4, '4 findings');
    const node = await nodeOf(editor.document, (n) => !!n?.children, 'the spec in the tree');
    assert.deepEqual(outline([node!]), [
      `${node!.label} — Product requirements document · owner PM · 4 findings`,
      '  $(person) PM — 2 sections · 1 empty or placeholder · 1 finding · owes 2',
      '    $(pass) Problem — written (line 9)',
      '    $(circle-large-outline) Goals — empty or placeholder · with 1 finding (line 13)',
      '    $(circle-slash) a what (requirements or scope) — owed (missing) · "Functional requirements" or "Scope and non-goals" or "User stories" (line 3)',
      '    $(circle-slash) a when (timeline, milestones or release) — owed (missing) · "Roadmap and milestones" or "Release and rollout" (line 3)',
      '  $(person) PMM — 1 section · 1 finding',
      '    $(warning) Messaging — with 1 finding (line 17)',
    ]);
  });

  it('a click on a section puts the cursor on its heading', async () => {
    const editor = await openUntitled('markdown', SPEC);
    const node = await nodeOf(editor.document, (n) => !!n?.children, 'the spec in the tree');
    const messaging = node!.children!.flatMap((r) => r.children ?? []).find((r) => r.label === 'Messaging')!;
    // Somewhere else first: another editor in front, the cursor at the top.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await openUntitled('markdown', '# Scratch\n');
    await vscode.commands.executeCommand(messaging.command!.command, ...(messaging.command!.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), editor.document.uri.toString());
    assert.equal(active.selection.active.line, 16);
    assert.equal(active.document.lineAt(active.selection.active.line).text, '## Messaging <!-- owner: pm -->');
  });

  it('filters by role, and shows every role again', async () => {
    const editor = await openUntitled('markdown', SPEC);
    await nodeOf(editor.document, (n) => n?.children?.length === 2, 'both roles');
    await vscode.commands.executeCommand('specroles.readiness.filterByRole', 'PMM');
    const pmm = await nodeOf(editor.document, (n) => n?.children?.length === 1, 'PMM only');
    assert.deepEqual(outline(pmm!.children), ['$(person) PMM — 1 section · 1 finding', '  $(warning) Messaging — with 1 finding (line 17)']);
    await vscode.commands.executeCommand('specroles.readiness.showAllRoles');
    await nodeOf(editor.document, (n) => n?.children?.map((r) => r.label).join() === 'PM,PMM', 'both roles again');
  });

  it('re-fetches its tree by itself as a spec is opened, edited and closed', async () => {
    // The view showing: it fetches its tree when a lint or a closed document says it changed.
    await vscode.commands.executeCommand('specroles.readiness.focus');
    const editor = await openUntitled('markdown', SPEC);
    await nodeOf(editor.document, (n) => !!n?.children, 'the spec in the tree', false);
    const goals = editor.document.getText().split('\n').indexOf('TODO');
    await editor.edit((e) => e.replace(new vscode.Range(goals, 0, goals, 4), 'Cut mobile cart abandonment from 38% to 25%.'));
    const written = await nodeOf(editor.document, (n) => outline(n?.children).includes('  $(pass) Goals — written (line 13)'), 'Goals written', false);
    assert.equal(written!.children![0]!.description, '2 sections · owes 2');
    await closeAll();
    await nodeOf(editor.document, (n) => n === undefined, 'the closed spec to leave the tree', false);
  });

  it('after "Lint workspace specs", lists the specs on disk that are not open', async () => {
    await vscode.commands.executeCommand('specroles.readiness.focus');
    await vscode.commands.executeCommand('specroles.lintWorkspace');
    const labels = async () => (await api.readinessTree(false)).map((n) => n.label);
    const deadline = Date.now() + 8000;
    while (!(await labels()).includes('planted.prd.md') && Date.now() < deadline) await sleep(100);
    const tree = await api.readinessTree(false);
    // Other host test files may leave specs of their own in the workspace: the fixture's are there, in order.
    const fixtures = ['notes.prd.md', 'clean.prd.md', 'onboarding.spec.yaml', 'planted.prd.md'];
    assert.deepEqual(
      tree.map((n) => n.label).filter((l) => fixtures.includes(l)),
      fixtures,
    );
    const planted = tree.find((n) => n.label === 'planted.prd.md')!;
    assert.deepEqual(outline(planted.children).filter((l) => !l.startsWith('  ')), ['$(person) PM — 4 sections', '$(person) PMM — 1 section · 1 finding']);
  });
});
