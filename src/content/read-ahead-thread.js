// The thread of src/content/read-ahead.ts. Plain JavaScript: Node 20 gives a worker thread none of
// the main thread's loader hooks, so it registers tsx before loading the TypeScript that reads.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const DONE = 1;
try {
  register();
  const { readAhead } = await import('./read-ahead-worker.ts');
  readAhead(workerData);
} finally {
  // Whatever happened, the build's thread stops waiting for this one.
  Atomics.store(workerData.state, DONE, 1);
  Atomics.notify(workerData.state, DONE);
}
