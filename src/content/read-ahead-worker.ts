import { readFileSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { createMarkdown } from '../markdown/index.ts';
import { loadSiteSettings } from '../site/index.ts';
import { factsOfTokens, pageFreeHtml } from './body.ts';
import { fileDigest } from './files.ts';
import { AHEAD, FREE, POSTED, type Job, type Prepared } from './read-ahead.ts';
import { articleBody, bodyDigestOf, readArticleFile } from './read.ts';

/** Files sent at once: few messages, and little for the build's thread to wait for where the two sides meet. */
const BATCH = 32;

/** The renderer the build will make (its settings' allowHtml), or none when the settings can't be read (the build reports why). */
function siteMarkdown(siteFile: string) {
  try {
    return createMarkdown({ allowHtml: loadSiteSettings(siteFile).allowHtml });
  } catch {
    return undefined;
  }
}

/**
 * Reads the files from the last one back, each it can claim, until it meets
 * one the build's thread took; then parses the bodies the same way.
 */
export function readAhead({
  files,
  siteFile,
  claims,
  state,
  port,
}: {
  files: string[];
  siteFile: string;
  claims: Record<Job, Int32Array>;
  state: Int32Array;
  port: MessagePort;
}): void {
  let batch: Prepared[] = [];
  const send = () => {
    port.postMessage(batch);
    batch = [];
    Atomics.add(state, POSTED, 1);
    Atomics.notify(state, POSTED);
  };
  /** Each file it can claim for `job`, from the last, with its bytes (undefined when it can't be read). */
  const claimed = function* (job: Job) {
    for (let index = files.length - 1; index >= 0; index--) {
      if (Atomics.compareExchange(claims[job], index, FREE, AHEAD) !== FREE) return;
      let bytes: Buffer | undefined;
      try {
        bytes = readFileSync(files[index]);
      } catch {}
      yield { index, bytes };
      if (batch.length >= BATCH) send();
    }
  };
  for (const { index, bytes } of claimed('file')) {
    const digest = bytes && fileDigest(bytes);
    batch.push({
      job: 'file',
      made: bytes && digest ? { index, file: files[index], digest, ...readArticleFile(files[index], bytes) } : { index },
    });
  }
  // The last files read go now: the build's thread, where the two met, waits for them.
  send();
  const md = siteMarkdown(siteFile);
  if (md)
    for (const { index, bytes } of claimed('body')) {
      const body = bytes && articleBody(files[index], bytes);
      if (body === undefined) {
        batch.push({ job: 'body', made: { index } });
        continue;
      }
      const tokens = md.parse(body, {});
      const facts = factsOfTokens(tokens);
      batch.push({
        job: 'body',
        made: { index, bodyDigest: bodyDigestOf(body), allowHtml: md.options.html, facts, html: pageFreeHtml(md, tokens, facts) },
      });
    }
  send();
  port.close();
}
