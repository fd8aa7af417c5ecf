// The extension's features, in the real extension host, against test/fixtures/workspace.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { catalogueFor, citeSource, templateKinds } from '../../../src/core';
import type { SpecRolesApi } from '../../../src/extension/extension';
import { closeAll, diagnosticsWhen, EXTENSION_ID, fixture, open, openUntitled, root, ruleOf, sleep } from './support';
import { checkoutSpec, MISDECLARED_MESSAGING } from '../../support/checkout-spec';

const MISMATCH_SPEC = checkoutSpec(`## Requirements

- Guest checkout MUST NOT require an account.

${MISDECLARED_MESSAGING}
## Timeline

Beta in March.
`);

describe('Spec Roles extension', function () {
  let api: SpecRolesApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<SpecRolesApi>(EXTENSION_ID)!;
    api = await extension.activate();
    console.log(`    activation took ${api.activationMs.toFixed(2)} ms`);
    // For `npm run bench`, which reports the activation bar from here.
    const results = join(extension.extensionPath, 'test-results');
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'activation.json'), `${JSON.stringify({ activationMs: api.activationMs, date: new Date().toISOString() })}\n`);
  });

  afterEach(closeAll);

  it('exposes its activation time', () => {
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(api.activationMs >= 0 && api.activationMs < 1000, `activation took ${api.activationMs} ms`);
  });

  it('reports planted mistakes with rule id, range, source and doc link', async () => {
    const uri = fixture('planted.prd.md');
    await open(uri);
    const ds = await diagnosticsWhen(uri, (d) => d.length > 0, 'diagnostics');
    assert.deepEqual(ds.map(ruleOf), ['section-owner-mismatch']);
    const d = ds[0]!;
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [23, 25, 23, 27]);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.source, 'specroles');
    // The rule id links to the rule's page bundled with the extension (a command link), not to the web.
    assert.ok(typeof d.code === 'object' && d.code.target.scheme === 'command' && d.code.target.path === 'specroles.openDocs', String(typeof d.code === 'object' && d.code.target));
    assert.deepEqual(JSON.parse(d.code.target.query), ['docs/rules/section-owner-mismatch.md']);
  });

  it('reports nothing on a clean spec, a clean YAML spec, or a README that is not a spec', async () => {
    for (const path of ['clean.prd.md', 'onboarding.spec.yaml', 'README.md']) {
      const uri = fixture(path);
      await open(uri);
      // Give the linter time to run (debounce is not involved on open); then it must still be empty.
      await sleep(200);
      await diagnosticsWhen(uri, (d) => d.length === 0, `no diagnostics on ${path}`);
    }
  });

  it('"Lint this file" lints a file that is not a spec', async () => {
    const uri = fixture('README.md');
    await open(uri);
    await vscode.commands.executeCommand('specroles.lintFile');
    const ds = await diagnosticsWhen(uri, (d) => d.length > 0, 'forced diagnostics');
    assert.ok(ds.map(ruleOf).includes('section-owner-mismatch'));
  });

  it('hover on a heading shows kind, owner, and the guideline with its source', async () => {
    const uri = fixture('planted.prd.md');
    await open(uri);
    await diagnosticsWhen(uri, (d) => d.length > 0, 'diagnostics');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(23, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const catalogue = catalogueFor({});
    const kind = catalogue.kinds.get('messaging')!;
    const guideline = catalogue.guidelines.get(kind.guidelines[0]!)!;
    assert.match(text, /Messaging/);
    assert.match(text, /product marketing manager/);
    assert.match(text, /Declared owner: product manager/);
    assert.ok(text.includes(guideline.statement), text);
    // The citation links to the guideline's entry in the bundled guidelines page.
    assert.ok(text.includes(`— [${citeSource(guideline.source)}](command:specroles.openDocs?`), text);
  });

  it('hover on an owner annotation says what the role owns', async () => {
    const uri = fixture('planted.prd.md');
    await open(uri);
    await diagnosticsWhen(uri, (d) => d.length > 0, 'diagnostics');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(23, 20));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes(catalogueFor({}).roles.get('pm')!.owns), text);
  });

  it('quick fix sets the owner annotation, and the diagnostic goes away', async () => {
    const editor = await openUntitled('markdown', MISMATCH_SPEC);
    const uri = editor.document.uri;
    const [d] = await diagnosticsWhen(uri, (ds) => ds.some((x) => ruleOf(x) === 'section-owner-mismatch'), 'mismatch');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d!.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable section-owner-mismatch for this section'), titles.join(', '));
    assert.ok(titles.includes('Show documentation for section-owner-mismatch'), titles.join(', '));
    const fix = actions.find((a) => a.title === 'Set owner to PMM');
    assert.ok(fix?.edit, titles.join(', '));
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(editor.document.getText().includes('## Messaging <!-- owner: pmm -->'));
    await diagnosticsWhen(uri, (ds) => !ds.some((x) => ruleOf(x) === 'section-owner-mismatch'), 'mismatch gone');
  });

  it('"disable for this section" inserts a directive that silences the rule', async () => {
    const editor = await openUntitled('markdown', MISMATCH_SPEC);
    const uri = editor.document.uri;
    const [d] = await diagnosticsWhen(uri, (ds) => ds.some((x) => ruleOf(x) === 'section-owner-mismatch'), 'mismatch');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d!.range);
    const disable = actions.find((a) => a.title === 'Disable section-owner-mismatch for this section')!;
    assert.ok(await vscode.workspace.applyEdit(disable.edit!));
    assert.ok(editor.document.getText().includes('<!-- specroles-disable-next-section section-owner-mismatch -- reason -->\n## Messaging'));
    await diagnosticsWhen(uri, (ds) => !ds.some((x) => ruleOf(x) === 'section-owner-mismatch'), 'mismatch silenced');
  });

  it('source.fixAll.specroles applies the safe fixes', async () => {
    const editor = await openUntitled('markdown', MISMATCH_SPEC);
    const uri = editor.document.uri;
    await diagnosticsWhen(uri, (ds) => ds.length > 0, 'diagnostics');
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.specroles');
    const all = actions.find((a) => a.kind?.value === 'source.fixAll.specroles');
    assert.ok(all?.edit);
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.ok(editor.document.getText().includes('<!-- owner: pmm -->'));
  });

  it('specRoles.severityOverrides changes a rule\'s severity', async () => {
    const settingsDir = vscode.Uri.joinPath(root(), '.vscode');
    const hadSettings = existsSync(settingsDir.fsPath);
    const uri = fixture('planted.prd.md');
    await open(uri);
    await diagnosticsWhen(uri, (ds) => ds[0]?.severity === vscode.DiagnosticSeverity.Warning, 'a warning');
    const config = vscode.workspace.getConfiguration('specRoles');
    try {
      await config.update('severityOverrides', { 'section-owner-mismatch': 'error' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(uri, (ds) => ds.length === 1 && ds[0]!.severity === vscode.DiagnosticSeverity.Error, 'an error');
      await config.update('severityOverrides', { 'section-owner-mismatch': 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(uri, (ds) => ds.length === 0, 'no diagnostics');
    } finally {
      await config.update('severityOverrides', undefined, vscode.ConfigurationTarget.Workspace);
      if (!hadSettings) rmSync(settingsDir.fsPath, { recursive: true, force: true });
    }
    await diagnosticsWhen(uri, (ds) => ds[0]?.severity === vscode.DiagnosticSeverity.Warning, 'a warning again');
  });

  it('shows a broken config\'s problems as diagnostics in the config file', async () => {
    await open(fixture('broken/notes.prd.md'));
    const configUri = fixture('broken/.specroles.yaml');
    const ds = await diagnosticsWhen(configUri, (d) => d.length >= 2, 'config diagnostics');
    assert.ok(ds.some((d) => d.message.includes('unknownKey') && d.range.start.line === 2), ds.map((d) => d.message).join('\n'));
    assert.ok(ds.some((d) => d.message.includes('rules.section-owner-mismatch') && d.range.start.line === 1));
    assert.ok(ds.every((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });

  it('generateStub inserts Markdown stubs at the cursor', async () => {
    const editor = await openUntitled('markdown', '---\nspecroles: 1\ntype: positioning\n---\n# Launch\n\n');
    editor.selection = new vscode.Selection(6, 0, 6, 0);
    await vscode.commands.executeCommand('specroles.generateStub', ['positioning']);
    const hint = catalogueFor({}).kinds.get('positioning')!.hint;
    assert.equal(editor.document.getText(), `---\nspecroles: 1\ntype: positioning\n---\n# Launch\n\n## Positioning <!-- owner: pmm -->\n\n<!-- ${hint} -->\nTODO\n`);
    // One undo step removes the whole insertion.
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), '---\nspecroles: 1\ntype: positioning\n---\n# Launch\n\n');
  });

  it('generateStub inserts YAML section items at the cursor', async () => {
    const editor = await openUntitled('yaml', 'specroles: 1\ntype: prd\nsections:\n  - title: Problem\n    body: |\n      Slow.\n');
    editor.selection = new vscode.Selection(6, 0, 6, 0);
    await vscode.commands.executeCommand('specroles.generateStub', ['positioning', 'problem']);
    const catalogue = catalogueFor({});
    const text = editor.document.getText();
    assert.ok(
      text.endsWith(
        `      Slow.\n  - title: Positioning\n    kind: positioning\n    owner: pmm\n    # ${catalogue.kinds.get('positioning')!.hint}\n    body: |\n      TODO\n` +
          `  - title: ${catalogue.kinds.get('problem')!.name}\n    kind: problem\n    owner: pm\n    # ${catalogue.kinds.get('problem')!.hint}\n    body: |\n      TODO\n`,
      ),
      text,
    );
  });

  it('status bar counts sections by owner', async () => {
    const uri = fixture('planted.prd.md');
    await open(uri);
    await diagnosticsWhen(uri, (d) => d.length > 0, 'diagnostics');
    const deadline = Date.now() + 3000;
    while (!api.statusText().includes('PM 4') && Date.now() < deadline) await sleep(50);
    assert.match(api.statusText(), /PM 4 · PMM 1/);
  });

  it('CodeLens shows owner and aspect on headings', async () => {
    const uri = fixture('planted.prd.md');
    await open(uri);
    await diagnosticsWhen(uri, (d) => d.length > 0, 'diagnostics');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const messaging = lenses.find((l) => l.range.start.line === 23);
    assert.equal(messaging?.command?.title, `PMM · ${catalogueFor({}).kinds.get('messaging')!.aspect}`);
  });

  it('"New spec from template" opens a spec with the type\'s required sections', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('specroles.newFromTemplate', 'prd');
    assert.ok(doc.getText().startsWith('---\nspecroles: 1\ntype: prd\n'));
    await diagnosticsWhen(doc.uri, (ds) => !ds.some((d) => ruleOf(d) === 'missing-section'), 'no missing section', 5000);
  });

  it('"New spec from template" fills the empty file in front of the user with every customary section', async () => {
    const empty = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(empty);
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('specroles.newFromTemplate', 'prd');
    assert.equal(doc.uri.toString(), empty.uri.toString(), 'the same document, not a new tab');
    const catalogue = catalogueFor({});
    const expected = templateKinds(catalogue, catalogue.docTypes.get('prd')!).map((k) => k.name);
    assert.deepEqual(doc.getText().split('\n').filter((l) => l.startsWith('## ')).map((l) => l.replace(/^## | <!--.*$/g, '')), expected);
  });
});
