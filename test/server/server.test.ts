// specroles-ls over a real stdio connection, as an editor drives it: initialize, open a spec and get its
// diagnostics (pushed, or pulled by a client that pulls), hover, code actions, a command that inserts stubs
// through workspace/applyEdit, an edit that fixes the finding, a broken config file, bad requests answered
// without a crash, and shutdown. The server is the npm package's `specroles-ls` entry (dist/server.js).
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { projectRoot } from '../support/paths';
import { nth } from '../support/nth';

const SERVER = join(projectRoot, 'dist', 'server.js');

interface Client {
  connection: ProtocolConnection;
  child: ChildProcess;
  diagnostics: Map<string, Diagnostic[]>;
  edits: WorkspaceEdit[];
  shown: string[];
  messages: { type: number; message: string }[];
  logs: { type: number; message: string }[];
  statuses: Map<string, unknown>;
  readyMs: number;
  stderr: string[];
  /** The server's initialize result, and what it registered dynamically (client/registerCapability). */
  initialized: { capabilities: Record<string, unknown> };
  registrations: { method: string; registerOptions?: unknown }[];
}

/**
 * With `ipc`, the server is forked and spoken to over node IPC, as the VS Code extension does; else over
 * stdio. With `clientReadsFiles`, the client offers to read and find files, as the extension does (the
 * browser build of the server reads nothing itself).
 */
async function start(
  workspace: string,
  options: { pull?: boolean; settings?: Record<string, unknown>; server?: string; ipc?: boolean; clientReadsFiles?: boolean; showDocument?: boolean; dismissedSpecOffers?: string[]; dynamicCompletion?: boolean } = {},
): Promise<Client> {
  const child = options.ipc
    ? fork(options.server ?? SERVER, [], { cwd: workspace, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
    : spawn(process.execPath, [options.server ?? SERVER, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (d) => stderr.push(String(d)));
  const connection = options.ipc
    ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
    : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const client: Client = { connection, child, diagnostics: new Map(), edits: [], shown: [], messages: [], logs: [], statuses: new Map(), readyMs: 0, stderr, initialized: { capabilities: {} }, registrations: [] };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    client.diagnostics.set(p.uri, p.diagnostics);
  });
  connection.onNotification('specroles/status', (p: { uri: string; status: unknown }) => {
    client.statuses.set(p.uri, p.status);
  });
  connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    client.logs.push(p);
  });
  connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
    client.messages.push(p);
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounceMs: 30, ...options.settings })));
  connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
    client.registrations.push(...p.registrations);
    return null;
  });
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
    client.edits.push(p.edit);
    return { applied: true };
  });
  connection.onRequest('window/showDocument', (p: { uri: string }) => {
    client.shown.push(p.uri);
    return { success: true };
  });
  if (options.clientReadsFiles) {
    connection.onRequest('specroles/readFile', ({ uri }: { uri: string }) => {
      try {
        return readFileSync(fileURLToPath(uri), 'utf8');
      } catch {
        return null;
      }
    });
    connection.onRequest('specroles/findFiles', ({ folder, glob }: { folder: string; glob: string }) =>
      glob.includes('.specroles.') ? [`${folder}/broken/.specroles.yaml`] : [],
    );
  }
  connection.listen();
  const root = pathToFileURL(workspace).href;
  const started = performance.now();
  client.initialized = await connection.sendRequest('initialize', {
    processId: process.pid,
    initializationOptions: {
      ...(options.clientReadsFiles ? { readFile: true, findFiles: true } : {}),
      ...(options.dismissedSpecOffers ? { dismissedSpecOffers: options.dismissedSpecOffers } : {}),
    },
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'ws' }],
    capabilities: {
      workspace: { configuration: true, applyEdit: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
      textDocument: { ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}), ...(options.dynamicCompletion ? { completion: { dynamicRegistration: true } } : {}) },
      window: { showDocument: { support: options.showDocument ?? true } },
    },
  });
  await connection.sendNotification('initialized', {});
  client.readyMs = performance.now() - started;
  return client;
}

async function until<T>(probe: () => T, test: (v: T) => boolean, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (test(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stop(client: Client): Promise<number | null> {
  await client.connection.sendRequest('shutdown');
  await client.connection.sendNotification('exit');
  const code = await new Promise<number | null>((resolve) => {
    if (client.child.exitCode !== null) resolve(client.child.exitCode);
    else client.child.on('exit', (c) => resolve(c));
  });
  client.connection.dispose();
  return code;
}

describe('specroles-ls over stdio', function () {
  this.timeout(60_000);
  let workspace = '';
  let root = '';
  const uri = (path: string) => `${root}/${path}`;
  const text = (path: string) => readFileSync(join(workspace, path), 'utf8');

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'specroles-ls-'));
    cpSync(join(projectRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    root = pathToFileURL(workspace).href;
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('initialize, didOpen → diagnostics, hover, codeAction, executeCommand, didChange, shutdown', async () => {
    const client = await start(workspace);
    console.log(`      initialize → initialized: ${client.readyMs.toFixed(0)} ms`);
    const { connection } = client;
    const planted = uri('planted.prd.md');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: planted, languageId: 'markdown', version: 1, text: text('planted.prd.md') } });
    const ds = await until(() => client.diagnostics.get(planted), (d) => !!d?.length, 'diagnostics');
    assert.deepEqual(ds!.map((d) => [d.code, d.range.start.line, d.range.start.character, d.source]), [['section-owner-mismatch', 23, 25, 'specroles']]);
    assert.deepEqual(client.statuses.get(planted), { text: 'PM 4 · PMM 1', skipped: false });

    const hover = await connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: planted }, position: { line: 23, character: 4 } });
    assert.match(hover!.contents.value, /\*\*Messaging\*\* — owned by the product marketing manager/);

    const actions = await connection.sendRequest<{ title: string; edit?: WorkspaceEdit; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri: planted },
      range: nth(ds!, 0).range,
      context: { diagnostics: ds, only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Set owner to PMM', 'Disable section-owner-mismatch for this section', 'Show documentation for section-owner-mismatch']);
    // Asked for with no kinds: fix-all last; asked for automatically (the light bulb), the quick fixes only.
    const any = async (triggerKind?: number) =>
      (await connection.sendRequest<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri: planted }, range: nth(ds!, 0).range, context: { diagnostics: ds, ...(triggerKind ? { triggerKind } : {}) } })).map((a) => a.title);
    assert.equal((await any()).at(-1), 'Fix all safe specroles problems');
    assert.equal((await any(1)).at(-1), 'Fix all safe specroles problems');
    assert.deepEqual(await any(2), ['Set owner to PMM', 'Disable section-owner-mismatch for this section', 'Show documentation for section-owner-mismatch']);
    const docs = nth(actions, 2).command!;
    await connection.sendRequest('workspace/executeCommand', { command: docs.command, arguments: docs.arguments });
    assert.ok(client.shown[0]?.endsWith('/docs/rules/section-owner-mismatch.md'));

    const lenses = await connection.sendRequest<unknown[]>('textDocument/codeLens', { textDocument: { uri: planted } });
    assert.equal(lenses.length, 5);

    // Stubs go in through workspace/applyEdit, at the cursor.
    const inserted = await connection.sendRequest('workspace/executeCommand', { command: 'specroles.server.insertStubs', arguments: [planted, { line: 30, character: 0 }, ['positioning']] });
    assert.equal(inserted, true);
    assert.match(nth(nth(client.edits, 0).changes?.[planted] ?? [], 0).newText, /^\n## Positioning <!-- owner: pmm -->/);

    // The quick fix's edit, sent back as the editor would after applying it: the finding goes away.
    const fix = nth(nth(actions, 0).edit?.changes?.[planted] ?? [], 0);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: planted, version: 2 }, contentChanges: [{ range: fix.range, text: fix.newText }] });
    await until(() => client.diagnostics.get(planted), (d) => d?.length === 0, 'no diagnostics after the fix');

    assert.equal(await stop(client), 0);
    assert.deepEqual(client.stderr.join(''), '');
  });

  it('completion triggers: one list for all files to a client that cannot register per file; per file to one that can (VS Code)', async () => {
    const fixed = await start(workspace);
    assert.deepEqual(fixed.initialized.capabilities.completionProvider, { triggerCharacters: [':', '"', '[', '#'] });
    assert.deepEqual(fixed.registrations.filter((r) => r.method === 'textDocument/completion'), []);
    assert.equal(await stop(fixed), 0);

    // The config files' triggers in config files only, `#` in Markdown only: a colon in a spec's prose asks for nothing.
    const client = await start(workspace, { dynamicCompletion: true });
    assert.equal(client.initialized.capabilities.completionProvider, undefined);
    const registered = await until(() => client.registrations.filter((r) => r.method === 'textDocument/completion'), (r) => r.length === 2, 'the completion registrations');
    assert.deepEqual(registered.map((r) => r.registerOptions), [
      { documentSelector: [{ pattern: '**/.specroles.{yaml,yml,json}' }], triggerCharacters: [':', '"', '['] },
      { documentSelector: [{ language: 'markdown' }], triggerCharacters: ['#'] },
    ]);
    // What is registered answers: sections on `##` in a spec.
    const spec = uri('typed.prd.md');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: spec, languageId: 'markdown', version: 1, text: '---\nspecroles: 1\ntype: prd\n---\n# Checkout\n\n##' } });
    const items = await client.connection.sendRequest<{ label: string }[]>('textDocument/completion', { textDocument: { uri: spec }, position: { line: 6, character: 2 }, context: { triggerKind: 2, triggerCharacter: '#' } });
    assert.ok(items.some((i) => i.label === '## Problem'), items.map((i) => i.label).join(', '));
    assert.equal(await stop(client), 0);
  });

  it('didChange with incremental content changes: typed key by key, the diagnostics are those of a fresh open of the final text', async () => {
    const client = await start(workspace);
    const { connection } = client;
    const planted = uri('planted.prd.md');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: planted, languageId: 'markdown', version: 1, text: text('planted.prd.md') } });
    await until(() => client.diagnostics.get(planted), (d) => !!d?.length, 'diagnostics');
    let version = 1;
    const change = (contentChanges: unknown[]) => connection.sendNotification('textDocument/didChange', { textDocument: { uri: planted, version: ++version }, contentChanges });
    // "campaign tagline" typed into the requirements (PMM words in a PM section), a key at a time.
    const typed = ' Our launch campaign tagline and press release.';
    for (let i = 0; i < typed.length; i++) await change([{ range: { start: { line: 21, character: 45 + i }, end: { line: 21, character: 45 + i } }, text: typed[i] }]);
    await until(() => client.diagnostics.get(planted), (d) => !!d?.some((x) => x.code === 'content-owner-drift'), 'the drift the typed words make');
    // Then the owner annotation fixed (a deletion and an insertion in one event), and a heading added.
    await change([
      { range: { start: { line: 23, character: 25 }, end: { line: 23, character: 27 } }, text: 'pmm' },
      { range: { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } }, text: '## Positioning\n\nFor busy shoppers.\n\n' },
    ]);
    const shown = await until(() => client.diagnostics.get(planted), (d) => !!d && !d.some((x) => x.code === 'section-owner-mismatch'), 'the mismatch fixed');
    const stats = await connection.sendRequest<{ lints: number; incremental: number }>('workspace/executeCommand', { command: 'specroles.server.stats', arguments: [] });
    assert.ok(stats.incremental >= 1, `incremental lints: ${stats.incremental} of ${stats.lints}`);
    // A fresh open of the final text (closed first, so nothing is kept) shows the same.
    const final = text('planted.prd.md').split('\n');
    final[21] += typed;
    final[23] = final[23]!.replace('pm -->', 'pmm -->');
    final.splice(13, 0, '## Positioning', '', 'For busy shoppers.', '');
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri: planted } });
    await until(() => client.diagnostics.get(planted), (d) => d?.length === 0, 'cleared on close');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: planted, languageId: 'markdown', version: 1, text: final.join('\n') } });
    const fresh = await until(() => client.diagnostics.get(planted), (d) => !!d?.length, 'diagnostics of the fresh open');
    assert.deepEqual(shown, fresh);
    assert.ok(fresh!.some((d) => d.code === 'content-owner-drift'));
    assert.equal(await stop(client), 0);
  });

  it('the VSIX\'s own server (dist/web/server.js, the browser build, forked over node IPC) answers the same, reading files through the client', async () => {
    const client = await start(workspace, { server: join(projectRoot, 'dist', 'web', 'server.js'), ipc: true, clientReadsFiles: true });
    console.log(`      initialize → initialized: ${client.readyMs.toFixed(0)} ms`);
    const planted = uri('planted.prd.md');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: planted, languageId: 'markdown', version: 1, text: text('planted.prd.md') } });
    const ds = await until(() => client.diagnostics.get(planted), (d) => !!d?.length, 'diagnostics');
    assert.deepEqual(ds!.map((d) => d.code), ['section-owner-mismatch']);
    // The broken config, found and read through the client at start-up: its problems at their keys.
    const config = await until(() => client.diagnostics.get(uri('broken/.specroles.yaml')), (d) => d?.length === 2, 'config diagnostics');
    assert.deepEqual(config!.map((d) => d.range.start.line), [1, 2]);
    assert.equal(await stop(client), 0);
    assert.deepEqual(client.stderr.join(''), '');
  });

  it('the VSIX\'s own server exits when the client closes the IPC channel without shutdown (the editor went away)', async () => {
    const client = await start(workspace, { server: join(projectRoot, 'dist', 'web', 'server.js'), ipc: true });
    const exited = new Promise<number | null>((resolve) => client.child.on('exit', (code) => resolve(code)));
    client.child.disconnect();
    assert.equal(await exited, 0);
    client.connection.dispose();
  });

  it('a broken config file: its problems at their keys, found at start-up', async () => {
    const client = await start(workspace);
    const config = uri('broken/.specroles.yaml');
    const ds = await until(() => client.diagnostics.get(config), (d) => d?.length === 2, 'config diagnostics');
    assert.deepEqual(ds!.map((d) => d.range.start.line), [1, 2]);
    assert.equal(await stop(client), 0);
  });

  it('pulls: textDocument/diagnostic for an open spec, workspace/diagnostic for the rest', async () => {
    const client = await start(workspace, { pull: true });
    const { connection } = client;
    const planted = uri('planted.prd.md');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: planted, languageId: 'markdown', version: 1, text: text('planted.prd.md') } });
    const report = await connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: planted } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code), ['section-owner-mismatch']);
    assert.equal(client.diagnostics.get(planted), undefined, 'nothing pushed to a client that pulls');
    const workspaceReport = await connection.sendRequest<{ items: { uri: string; items: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const uris = workspaceReport.items.map((i) => i.uri.slice(root.length + 1)).sort();
    assert.ok(uris.includes('spec.prd.md') && uris.includes('broken/notes.prd.md') && !uris.includes('planted.prd.md') && !uris.includes('README.md'), uris.join(', '));
    assert.equal(await stop(client), 0);
  });

  it('answers bad requests without crashing: unknown documents, malformed parameters, an unknown command', async () => {
    const client = await start(workspace);
    const { connection } = client;
    assert.equal(await connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('nope.md') }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri('nope.md') }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    await connection.sendRequest('textDocument/hover', { textDocument: null, position: 'x' }).catch(() => undefined);
    assert.equal(await connection.sendRequest('workspace/executeCommand', { command: 'specroles.server.nope', arguments: [] }), null);
    // Still answering.
    const stats = await connection.sendRequest<{ lints: number }>('workspace/executeCommand', { command: 'specroles.server.stats', arguments: [] });
    assert.equal(typeof stats.lints, 'number');
    assert.equal(await stop(client), 0);
  });

  it('a near-miss Markdown file: the offer as two lenses; markAsSpec sends the front matter through workspace/applyEdit; dismissedSpecOffers at initialize', async () => {
    const draft = uri('draft.md');
    const text = '# Checkout notes\n\n## Messaging <!-- owner: pm -->\n\nOne click.\n\n## Monday\n\nLunch.\n';
    const lensTitles = async (client: Client) =>
      (await client.connection.sendRequest<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: draft } })).map((l) => l.command?.title);
    const client = await start(workspace);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draft, languageId: 'markdown', version: 1, text } });
    assert.deepEqual(await lensTitles(client), ['Check this file as a spec', 'Not a spec']);
    assert.equal(await client.connection.sendRequest('workspace/executeCommand', { command: 'specroles.server.markAsSpec', arguments: [draft] }), true);
    assert.deepEqual(nth(client.edits, 0).changes?.[draft], [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '---\nspecroles: 1\n---\n' }]);
    await client.connection.sendRequest('workspace/executeCommand', { command: 'specroles.server.dismissSpecOffer', arguments: [draft] });
    assert.deepEqual(await lensTitles(client), []);
    assert.equal(await stop(client), 0);

    // A client that remembers "Not a spec" says so at the next start.
    const next = await start(workspace, { dismissedSpecOffers: [draft] });
    await next.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draft, languageId: 'markdown', version: 1, text } });
    assert.deepEqual(await lensTitles(next), []);
    assert.equal(await stop(next), 0);
  });

  it('"Show documentation" for a client that cannot open documents (Neovim 0.7): the address as a message, no error', async () => {
    const client = await start(workspace, { showDocument: false });
    const { connection } = client;
    try {
      const result = await connection.sendRequest('workspace/executeCommand', { command: 'specroles.server.showRuleDocs', arguments: ['section-owner-mismatch'] });
      assert.equal(result, null);
      await until(() => client.messages, (m) => m.length > 0, 'a window/showMessage');
      assert.equal(nth(client.messages, 0).type, 3);
      assert.match(nth(client.messages, 0).message, /^section-owner-mismatch: https:\/\/\S+\/docs\/rules\/section-owner-mismatch\.md$/);
      assert.deepEqual(client.shown, []);
      const stats = await connection.sendRequest<{ caught: number }>('workspace/executeCommand', { command: 'specroles.server.stats', arguments: [] });
      assert.equal(stats.caught, 0, client.logs.map((l) => l.message).join('\n'));
      assert.equal(await stop(client), 0);
    } finally {
      if (client.child.exitCode === null) client.child.kill();
    }
  });

  it('a changed config file on disk (didChangeWatchedFiles) lints the open specs again', async () => {
    const client = await start(workspace);
    const { connection } = client;
    const spec = uri('spec.prd.md');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: spec, languageId: 'markdown', version: 1, text: text('planted.prd.md') } });
    await until(() => client.diagnostics.get(spec), (d) => d?.length === 1, 'the finding');
    writeFileSync(join(workspace, '.specroles.yaml'), 'rules:\n  section-owner-mismatch: off\n');
    try {
      await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.specroles.yaml'), type: 1 }] });
      await until(() => client.diagnostics.get(spec), (d) => d?.length === 0, 'no finding');
    } finally {
      rmSync(join(workspace, '.specroles.yaml'));
    }
    assert.equal(await stop(client), 0);
  });
});
