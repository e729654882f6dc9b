// The thread of src/content/read-ahead.ts. Plain JavaScript: Node 20 gives a worker thread none of
// the main thread's loader hooks, so it registers tsx before loading the TypeScript that reads, and
// only then (hashing alone needs none: its thread starts in milliseconds).
import { workerData } from 'node:worker_threads';
import { DONE, hashAhead } from './read-ahead-claims.js';

try {
  if (workerData.siteFile === undefined) hashAhead(workerData);
  else {
    const { register } = await import('tsx/esm/api');
    register();
    const { readAhead } = await import('./read-ahead-worker.ts');
    readAhead(workerData);
  }
} finally {
  // Whatever happened, the build's thread stops waiting for this one.
  Atomics.store(workerData.state, DONE, 1);
  Atomics.notify(workerData.state, DONE);
}
