// The worker side of parallel linting: the same bundle (dist/specroles.js) started as a worker thread. It gets
// the run's configs when it starts, warms the engine up on them (catalogues, rule settings), says it is
// ready, then answers each batch of files with their results.
import { parentPort, workerData } from 'node:worker_threads';
import { lint, type Config } from '../core';
import { processFile, type FileTask } from './process-file';
import type { FileResult } from './report';
import { byIndex, type WORKER_TAG } from './util';

export interface WorkerInit {
  specroles: typeof WORKER_TAG;
  configs: Config[];
}

export type ToWorker = { tasks: FileTask[] };
export type FromWorker = { ready: true } | { results: FileResult[] } | { failure: string };

export function runWorker(): void {
  const { configs } = workerData as WorkerInit;
  const port = parentPort!;
  port.on('message', (message: ToWorker) => {
    try {
      const results = message.tasks.map((task) => processFile(task, byIndex(configs, task.configIndex, 'config')));
      port.postMessage({ results } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ failure: (e as Error).stack ?? String(e) } satisfies FromWorker);
    }
  });
  try {
    for (const config of configs) lint('', { config });
  } finally {
    port.postMessage({ ready: true } satisfies FromWorker);
  }
}
