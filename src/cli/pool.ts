// Lints many files on worker threads that re-enter this same bundle, with this thread working too.
// Workers start (and warm up: bundle, catalogue, rule settings) as soon as the run knows its configs;
// until a worker says it is ready, this thread lints files itself, so a run never waits on a worker
// booting and a short run finishes before they matter. Ready workers get small batches, two in flight so
// they never idle while this thread is busy with a file. Results carry their index: the report is in the
// same order as a sequential run.
import { Worker } from 'node:worker_threads';
import type { Config } from '../core';
import type { FileTask } from './process-file';
import type { FileResult } from './report';
import { CliError, getWorkerEntry, WORKER_TAG } from './util';
import type { FromWorker, ToWorker, WorkerInit } from './worker';

export interface Pool {
  run(tasks: readonly FileTask[], here: (task: FileTask) => FileResult, onProgress?: (done: number) => void): Promise<FileResult[]>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  inFlight: number;
}

const IN_FLIGHT = 2;

export function startPool(configs: Config[], threads: number): Pool {
  const slots: Slot[] = Array.from({ length: threads }, () => ({
    // The tag in argv too: src/cli/main.ts looks for it before it loads worker_threads.
    worker: new Worker(getWorkerEntry(), { argv: [WORKER_TAG], workerData: { specroles: WORKER_TAG, configs } satisfies WorkerInit }),
    ready: false,
    inFlight: 0,
  }));
  // Until run() takes over, remember what happens rather than crash or lose it.
  let early: Error | undefined;
  const onEarlyError = (e: Error) => (early ??= e);
  const onEarlyMessage = (slot: Slot) => (m: FromWorker) => {
    if ('ready' in m) slot.ready = true;
  };
  const earlyListeners = new Map<Slot, (m: FromWorker) => void>();
  for (const slot of slots) {
    const listener = onEarlyMessage(slot);
    slot.worker.on('message', listener);
    slot.worker.on('error', onEarlyError);
    earlyListeners.set(slot, listener);
  }

  return {
    run(tasks, here, onProgress) {
      const results: FileResult[] = new Array(tasks.length);
      const batchSize = Math.max(1, Math.min(8, Math.ceil(tasks.length / (threads * 8))));
      let next = 0;
      let done = 0;
      return new Promise<FileResult[]>((resolve, reject) => {
        let failed = false;
        const fail = (e: Error) => {
          failed = true;
          reject(new CliError(`a lint worker failed: ${e.stack ?? e.message}`));
        };
        if (early) return fail(early);
        const finish = (r: FileResult) => {
          results[r.index] = r;
          done++;
        };
        const feed = (slot: Slot) => {
          while (slot.ready && slot.inFlight < IN_FLIGHT && next < tasks.length) {
            const batch = tasks.slice(next, next + batchSize);
            next += batch.length;
            slot.inFlight++;
            slot.worker.postMessage({ tasks: batch } satisfies ToWorker);
          }
        };
        const check = () => {
          onProgress?.(done);
          if (done === tasks.length && !failed) resolve(results);
        };
        slots.forEach((slot) => {
          const earlyListener = earlyListeners.get(slot);
          if (earlyListener) slot.worker.off('message', earlyListener);
          slot.worker.off('error', onEarlyError);
          slot.worker.on('error', fail);
          slot.worker.on('exit', (code) => {
            if (done < tasks.length) fail(new Error(`exited with code ${code} before finishing`));
          });
          slot.worker.on('message', (m: FromWorker) => {
            if ('failure' in m) return fail(new Error(m.failure));
            if ('ready' in m) slot.ready = true;
            else {
              slot.inFlight--;
              m.results.forEach(finish);
            }
            feed(slot);
            check();
          });
          feed(slot);
        });
        // This thread lints one file at a time, letting worker messages in between.
        const step = () => {
          if (failed) return;
          const task = tasks[next];
          if (task !== undefined) {
            next++;
            finish(here(task));
            check();
            setImmediate(step);
          } else {
            check();
          }
        };
        step();
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
