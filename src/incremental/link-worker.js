// The kept files of an incremental build, hard-linked in from the previous output on a thread of
// their own while Eleventy renders (src/incremental/output.ts). Plain JavaScript: Node 20 gives a
// worker thread none of tsx's loader hooks. One thread, synchronous calls: linking 23,000 files
// takes 2 s this way and 7 to 11 s with Node's promise calls, which contend for the same folders.
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { workerData } from 'node:worker_threads';

/** @type {{ previousDir: string; stagingDir: string; files: string[] }} */
const { previousDir, stagingDir, files } = workerData;
const folders = new Set();
for (const file of files) {
  const target = path.join(stagingDir, file);
  const folder = path.dirname(target);
  if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
  folders.add(folder);
  try {
    linkSync(path.join(previousDir, file), target);
  } catch {
    copyFileSync(path.join(previousDir, file), target);
  }
}
