// Entry of the thread that parses and loads one import (see ImportRunnerService).
import { parentPort, workerData } from 'node:worker_threads';
import { ImportLoadInput, loadImport } from './import-load';

export type ImportWorkerMessage =
  | { type: 'progress'; processedRows: number; bytes: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof loadImport>> };

const post = (message: ImportWorkerMessage) => parentPort?.postMessage(message);

// A failure is left unhandled on purpose: it ends the thread and reaches the runner as its 'error'.
void loadImport(workerData as ImportLoadInput, (processedRows, bytes) =>
  post({ type: 'progress', processedRows, bytes }),
).then((result) => post({ type: 'done', result }));
