import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { AHEAD, FREE, POSTED, type PreparedFile, type UnreadFile } from './read-ahead.ts';
import { readArticleFile } from './read.ts';

/** Files sent at once: few messages, and little for the build's thread to wait for where the two sides meet. */
const BATCH = 32;

/** Reads the files from the last one back, each it can claim, until it meets one the build's thread took. */
export function readAhead({
  files,
  claims,
  state,
  port,
}: {
  files: string[];
  claims: Int32Array;
  state: Int32Array;
  port: MessagePort;
}): void {
  let batch: (PreparedFile | UnreadFile)[] = [];
  const send = () => {
    port.postMessage(batch);
    batch = [];
    Atomics.add(state, POSTED, 1);
    Atomics.notify(state, POSTED);
  };
  for (let index = files.length - 1; index >= 0; index--) {
    if (Atomics.compareExchange(claims, index, FREE, AHEAD) !== FREE) break;
    let bytes: Buffer;
    try {
      bytes = readFileSync(files[index]);
    } catch {
      batch.push({ index });
      continue;
    }
    const digest = createHash('sha256').update(bytes).digest('hex');
    batch.push({ index, file: files[index], digest, ...readArticleFile(files[index], bytes) });
    if (batch.length === BATCH) send();
  }
  send();
  port.close();
}
