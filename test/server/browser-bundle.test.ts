// The language server's browser build (dist/web/server.js) in a bare script context with a worker's globals
// only: no DOM (`document`) and no Node (`require`, `process`). It answers initialize and lints an opened
// spec. A package's DOM build slipping into the bundle fails here (a Web Worker has no DOM either).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { projectRoot } from '../support/paths';
import { nth } from '../support/nth';

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; diagnostics?: { code?: string }[] };
  result?: { serverInfo?: { name: string } };
}

describe('specroles-ls browser build in a worker-like context', () => {
  it('answers initialize and publishes the diagnostics of an opened spec', async () => {
    const sent: Message[] = [];
    const self: { postMessage(m: Message): void; addEventListener(): void; onmessage?: (e: { data: unknown }) => void; location: { href: string } } = {
      postMessage: (m) => sent.push(m),
      addEventListener: () => undefined,
      location: { href: 'https://example.test/dist/web/server.js' },
    };
    const context = createContext({ self, console, setTimeout, clearTimeout, setInterval, clearInterval, TextEncoder, TextDecoder, performance, queueMicrotask, URL });
    runInContext(readFileSync(join(projectRoot, 'dist', 'web', 'server.js'), 'utf8'), context);
    const send = (data: unknown) => self.onmessage!({ data });
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    const until = async (test: () => boolean) => {
      for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 20));
    };
    await until(() => sent.some((m) => m.id === 1));
    assert.equal(sent.find((m) => m.id === 1)?.result?.serverInfo?.name, 'specroles-ls');
    send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///ws/a.prd.md', languageId: 'markdown', version: 1, text: '# A\n\n## Messaging <!-- owner: pm -->\n\nOne checkout, every wallet.\n' } } });
    const diagnostics = () => sent.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.diagnostics?.length);
    await until(() => diagnostics().length > 0);
    assert.ok(nth(diagnostics(), 0).params!.diagnostics!.some((d) => d.code === 'section-owner-mismatch'), JSON.stringify(sent.slice(-3)));
    assert.deepEqual(sent.filter((m) => m.method === 'specroles/caught'), []);
  });
});
