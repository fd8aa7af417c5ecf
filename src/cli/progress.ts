// A one-line progress counter on standard error, for long runs in a terminal only: it appears once a run
// has taken half a second, redraws at most ten times a second, and erases itself at the end.

export interface Progress {
  update(done: number): void;
  end(): void;
}

const NONE: Progress = { update: () => undefined, end: () => undefined };

export function progress(stream: NodeJS.WriteStream, total: number, env: NodeJS.ProcessEnv): Progress {
  if (!stream.isTTY || env.CI || total < 2) return NONE;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done) {
      const now = Date.now();
      if (now - started < 500 || now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[2Kspecroles: linted ${done}/${total} files`);
    },
    end() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
