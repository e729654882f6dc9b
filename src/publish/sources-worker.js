// npm run build's sources, read on a thread of their own while the main thread loads the build's code
// (src/publish/read-ahead.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { readSources } from './sources.js';

/** @type {{ roots: string[]; projectDir: string; markdownDirs: string[]; share: { part: number; parts: number } }} */
const { roots, projectDir, markdownDirs, share } = workerData;
parentPort?.postMessage(readSources(roots, projectDir, markdownDirs, share));
