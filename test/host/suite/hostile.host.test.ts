// Hostile input in the real extension host (issue #7): each file is written into the workspace, opened
// the way a user opens it, and must show the engine's findings at the same lines and columns, while the
// hover, code action and CodeLens providers answer on it without an exception being caught anywhere.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { lint } from '../../../src/core';
import type { SpecRolesApi } from '../../../src/extension/extension';
import { closeAll, diagnosticsWhen, EXTENSION_ID, fixture, open, ruleOf, sleep } from './support';

const FOLDER = 'hostile-tmp';

interface Row {
  name: string;
  file: string;
  bytes: () => Uint8Array;
  /** What the user sees, in a sentence (the closing note lists these). */
  sees: string;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

const rows: Row[] = [
  {
    name: 'invalid UTF-8 (a Latin-1 "é")',
    file: 'latin1.prd.md',
    bytes: () => new Uint8Array([...utf8('## Problem\n\nCaf'), 0xe9, ...utf8(' au lait.\n\n## Messaging <!-- owner: pm -->\n\nOne checkout.\n')]),
    sees: 'an error at the replacement character, and the other findings as usual',
  },
  {
    name: 'a YAML spec with a quoted value never closed',
    file: 'unclosed.spec.yaml',
    bytes: () => utf8('specroles: 1\ntitle: "Checkout\nsections: []\n'),
    sees: 'an error at the opening quote (2:8) saying it is never closed',
  },
  {
    name: 'front matter never closed',
    file: 'open-front-matter.prd.md',
    bytes: () => utf8('---\ntype: prd\nowner: pm\n\n# Checkout\n\n## Problem\n\nText.\n'),
    sees: 'an error on the opening "---"',
  },
  {
    name: 'a byte-order mark and CRLF line ends',
    file: 'bom-crlf.prd.md',
    bytes: () => utf8('\ufeff# Checkout\r\n\r\n## Problem\r\n\r\nSlow checkout.\r\n\r\n## Messaging <!-- owner: pm -->\r\n\r\nOne checkout.\r\n'),
    sees: 'the same findings at the same lines and columns as without them',
  },
  {
    name: 'emoji-only headings',
    file: 'emoji.prd.md',
    bytes: () => utf8('## 🚀\n\nText.\n\n## 🎯🎯\n\nMore.\n\n## 👩‍💻 ✨\n\nx\n'),
    sees: 'a finding per heading, columns in UTF-16 units as the editor counts them',
  },
  {
    name: 'an empty file',
    file: 'empty.prd.md',
    bytes: () => new Uint8Array(),
    sees: 'the missing-section warnings of an empty PRD, on line 1',
  },
  {
    name: '5,000 nested blockquotes',
    file: 'quotes.prd.md',
    bytes: () => utf8(`## Goals\n\n${'> '.repeat(5000)}Grow.\n`),
    sees: 'what the engine reports, with no exception in the host',
  },
];

describe('hostile input in the editor', function () {
  this.timeout(60_000);
  let api: SpecRolesApi;
  const folder = () => fixture(FOLDER).fsPath;

  before(async () => {
    api = await vscode.extensions.getExtension<SpecRolesApi>(EXTENSION_ID)!.activate();
    mkdirSync(folder(), { recursive: true });
  });
  after(() => rmSync(folder(), { recursive: true, force: true }));
  afterEach(closeAll);

  for (const row of rows) {
    it(`${row.name} → ${row.sees}`, async () => {
      const caughtBefore = api.caughtErrors();
      const bytes = row.bytes();
      writeFileSync(`${folder()}/${row.file}`, bytes);
      const uri = fixture(`${FOLDER}/${row.file}`);
      const editor = await open(uri);
      // What the engine says about the text the editor holds (VS Code drops a byte-order mark from it).
      const text = new TextDecoder().decode(bytes);
      const expected = lint(text, { path: uri.path, languageId: editor.document.languageId }).findings.map(
        (f) => `${f.ruleId} ${f.range.start.line - 1}:${f.range.start.column - 1}-${f.range.end.line - 1}:${f.range.end.column - 1}`,
      );
      if (!expected.length) await sleep(300);
      const ds = await diagnosticsWhen(uri, (d) => d.length === expected.length, `${expected.length} diagnostics`);
      const r = (d: vscode.Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
      assert.deepEqual(ds.map((d) => `${ruleOf(d)} ${r(d)}`), expected);

      // Every provider answers on it: hovers and code actions on each line with a finding, CodeLens, fix-all.
      for (const d of ds) {
        await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, d.range.start);
        await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range);
      }
      await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
      const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
      await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.specroles');
      assert.equal(api.caughtErrors(), caughtBefore, 'no exception was caught and logged (see the Spec Roles output channel)');
    });
  }

  it('a binary file named .md: the editor refuses it, or it gets one error at its first NUL', async () => {
    const caughtBefore = api.caughtErrors();
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    bytes[37] = 0;
    writeFileSync(`${folder()}/logo.prd.md`, bytes);
    const uri = fixture(`${FOLDER}/logo.prd.md`);
    let opened = true;
    try {
      await open(uri);
    } catch {
      opened = false; // VS Code's own binary check: "The file is not displayed in the text editor…"
    }
    console.log(`      the editor ${opened ? 'opened it as text' : 'refused to open it as text'}`);
    if (opened) {
      const ds = await diagnosticsWhen(uri, (d) => d.length > 0, 'the binary-file error');
      assert.deepEqual(ds.map(ruleOf), ['invalid-spec']);
      assert.match(ds[0]!.message, /not text/);
    }
    assert.equal(api.caughtErrors(), caughtBefore);
  });

  it('specRoles.maxFileSize: a larger file gets one information notice on line 1, and the status bar says so', async () => {
    const uri = fixture(`${FOLDER}/big.prd.md`);
    writeFileSync(uri.fsPath, `# Import\n\n## Messaging <!-- owner: pm -->\n\n${'Import a whole catalogue in one step. '.repeat(60)}\n`);
    const settings = fixture('.vscode').fsPath;
    const hadSettings = existsSync(settings);
    const config = vscode.workspace.getConfiguration('specRoles');
    try {
      await config.update('maxFileSize', '1 KB', vscode.ConfigurationTarget.Workspace);
      await open(uri);
      const [notice] = await diagnosticsWhen(uri, (d) => d.length === 1 && ruleOf(d[0]!) === 'maxFileSize', 'the notice');
      assert.equal(notice!.severity, vscode.DiagnosticSeverity.Information);
      assert.deepEqual([notice!.range.start.line, notice!.range.start.character], [0, 0]);
      assert.match(notice!.message, /^Not linted: the file is 2.\d KB, over maxFileSize \(1 KB\)/);
      assert.match(api.statusText(), /not linted: over maxFileSize/);
      await config.update('maxFileSize', '1 MB', vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(uri, (d) => d.some((x) => ruleOf(x) === 'section-owner-mismatch'), 'findings once the limit is raised');
    } finally {
      await config.update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
      if (!hadSettings) rmSync(settings, { recursive: true, force: true });
    }
  });
});
