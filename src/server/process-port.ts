// A Node process's IPC channel (the server's side of a fork) as a worker-like port, for
// vscode-languageserver's browser transport: the same server bundle runs in a Web Worker and in a child
// process of the desktop extension (src/extension/server-node.ts holds the other end). Only the `process`
// global is used, nothing imported: this file is part of the browser bundle.

/** The part of Node's `process` used here. */
export interface NodeProcess {
  version: string;
  send?(message: unknown): boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  exit(code?: number): never;
  cpuUsage?(): { user: number; system: number };
}

/** The process's CPU time (user and system, ms) as a clock, where the process can tell. */
export function cpuClock(process: Pick<NodeProcess, 'cpuUsage'>): (() => number) | undefined {
  const usage = process.cpuUsage?.bind(process);
  return usage && (() => {
    const { user, system } = usage();
    return (user + system) / 1000;
  });
}

export interface Port {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (event: unknown) => void): void;
}

export function processPort(node: NodeProcess): Port {
  const port: Port = {
    onmessage: null,
    postMessage: (message) => void node.send!(message),
    addEventListener: (type, listener) => {
      if (type === 'error') node.on('error', listener);
    },
  };
  let shutdown = false;
  node.on('message', (data) => {
    port.onmessage?.({ data });
    // LSP's `exit` ends the process: with 0 after a `shutdown` request, else 1 (a browser worker is terminated instead).
    const method = (data as { method?: unknown } | null)?.method;
    if (method === 'shutdown') shutdown = true;
    else if (method === 'exit') setTimeout(() => node.exit(shutdown ? 0 : 1), 0);
  });
  // The client closed the channel, or the editor went away: nothing left to serve.
  node.on('disconnect', () => node.exit(0));
  return port;
}
