// What a command may touch of the process: the working folder, environment and standard streams.
import { decodeUtf8 } from '../core';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Standard input decoded as UTF-8, and whether its bytes were valid UTF-8 (decodeUtf8). */
  readStdin(): Promise<{ text: string; validUtf8: boolean }>;
}

export function processIo(): Io {
  // `specroles | head`: a reader that stops early is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return decodeUtf8(Buffer.concat(chunks));
    },
  };
}
