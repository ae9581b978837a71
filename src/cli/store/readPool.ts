/**
 * Read many client workbooks in parallel on worker threads, one per core (reading is CPU-bound: unzip, XML scan,
 * validation). Results arrive as each file finishes; the caller writes them to the store one at a time. Where the
 * compiled worker script is absent (TypeScript run directly, e.g. under jest) files are read on the main thread.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { workbookRows, type WorkbookResult } from './workbookRows';

const WORKER_SCRIPT = path.join(__dirname, 'readWorker.js');

export function defaultThreads(): number {
  return fs.existsSync(WORKER_SCRIPT) ? Math.max(1, os.cpus().length) : 0;
}

export async function readWorkbooks(
  files: readonly string[],
  today: string,
  threads: number,
  onResult: (result: WorkbookResult) => Promise<void>,
): Promise<void> {
  // Results are handed on one at a time, in the order they finish (the store is written serially).
  let chain = Promise.resolve();
  const deliver = (r: WorkbookResult) => (chain = chain.then(() => onResult(r)));
  if (threads <= 0 || files.length <= 1) {
    for (const f of files) {
      deliver(await workbookRows(f, today));
      await chain;
    }
    return;
  }
  const queue = [...files];
  const workers = Array.from({ length: Math.min(threads, files.length) }, () => new Worker(WORKER_SCRIPT));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const file = queue.shift();
              if (file === undefined) return resolve();
              w.postMessage({ file, today });
            };
            w.on('message', (r: WorkbookResult) => {
              deliver(r);
              // Backpressure: a worker takes its next file only once the store has caught up with this one.
              chain.then(next, reject);
            });
            w.on('error', reject);
            next();
          }),
      ),
    );
    await chain;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
