// The previous output's files an incremental build keeps, hard-linked into its staging folder on a
// thread of their own (src/incremental/output.ts). Plain JavaScript: Node 20 gives a worker thread
// none of tsx's loader hooks. First the folders, while the content is read (making 20,000 folders
// takes seconds on ext4), then the files, once the plan names them, while Eleventy renders.
// Synchronous calls: linking 23,000 files takes 2 s this way and 7 to 11 s with Node's promise calls.
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ previousDir: string; stagingDir: string; folders: string[] }} */
const { previousDir, stagingDir, folders } = workerData;
const made = new Set();
/** @param {string} folder */
const makeFolder = (folder) => {
  if (!made.has(folder)) mkdirSync(path.join(stagingDir, folder), { recursive: true });
  made.add(folder);
};
for (const folder of folders) makeFolder(folder);
parentPort?.once('message', (/** @type {string[]} */ files) => {
  for (const file of files) {
    makeFolder(path.dirname(file));
    const target = path.join(stagingDir, file);
    try {
      linkSync(path.join(previousDir, file), target);
    } catch {
      copyFileSync(path.join(previousDir, file), target);
    }
  }
});
