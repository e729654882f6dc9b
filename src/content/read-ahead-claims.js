// How the reading thread of src/content/read-ahead.ts claims files and posts what it made of them. Plain
// JavaScript: the thread that only hashes (an incremental build's) runs it without loading any TypeScript.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Who does a job: claims[i] of its shared array. */
export const FREE = 0;
export const MAIN = 1;
export const AHEAD = 2;
/** Slots of the shared state: batches posted so far, and 1 once the thread is done (finished or failed). */
export const POSTED = 0;
export const DONE = 1;

/** Files sent at once: few messages, and little for the build's thread to wait for where the two sides meet. */
const BATCH = 32;

/**
 * @typedef {{ files: string[]; siteFile?: string; claims: Record<import('./read-ahead.ts').Job, Int32Array>; state: Int32Array;
 *   port: import('node:worker_threads').MessagePort }} ReadAheadData
 */

/**
 * The thread's side of the claims: `claimed(job)` yields each file it can claim, from the last one back until
 * it meets one the build's thread took, with its bytes (undefined when it can't be read); `post` queues what
 * it made of one, sent in batches; `send` sends the queue now (and wakes the build's thread).
 * @param {ReadAheadData} data
 */
export function claimsOf({ files, claims, state, port }) {
  /** @type {import('./read-ahead.ts').Prepared[]} */
  let batch = [];
  /** @type {ArrayBuffer[]} */
  let moved = [];
  const send = () => {
    port.postMessage(batch, moved);
    [batch, moved] = [[], []];
    Atomics.add(state, POSTED, 1);
    Atomics.notify(state, POSTED);
  };
  return {
    /** @param {import('./read-ahead.ts').Job} job */
    *claimed(job) {
      for (let index = files.length - 1; index >= 0; index--) {
        if (Atomics.compareExchange(claims[job], index, FREE, AHEAD) !== FREE) return;
        /** @type {Buffer | undefined} */
        let bytes;
        try {
          bytes = readFileSync(files[index]);
        } catch {}
        yield { index, bytes };
        if (batch.length >= BATCH) send();
      }
    },
    /** @param {import('./read-ahead.ts').Prepared} prepared @param {ArrayBuffer} [buffer] handed over, not copied */
    post(prepared, buffer) {
      batch.push(prepared);
      if (buffer) moved.push(buffer);
    },
    send,
  };
}

/**
 * The thread of an incremental build: the last build's readings of nearly every file are in its cache, found
 * by the file's sha256, so it only reads and hashes them, and hands their bytes over.
 * @param {ReadAheadData} data
 */
export function hashAhead(data) {
  const claims = claimsOf(data);
  for (const { index, bytes } of claims.claimed('file')) {
    if (!bytes) {
      claims.post({ job: 'file', made: { index } });
      continue;
    }
    // A copy of its own: Node may have read a small file into a shared pool, which would all be sent.
    const own = new Uint8Array(bytes);
    // As fileDigest (src/content/files.ts) hashes them.
    const digest = createHash('sha256').update(own).digest('hex');
    claims.post({ job: 'file', made: { index, file: data.files[index], digest, bytes: own } }, own.buffer);
  }
  claims.send();
  data.port.close();
}
