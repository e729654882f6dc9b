import { createMarkdown } from '../markdown/index.ts';
import { loadSiteSettings } from '../site/index.ts';
import { factsOfTokens, pageFreeHtml } from './body.ts';
import { fileDigest } from './files.ts';
import { claimsOf, type ReadAheadData } from './read-ahead-claims.js';
import { articleBody, bodyDigestOf, readArticleFile } from './read.ts';

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
export function readAhead(data: ReadAheadData & { siteFile: string }): void {
  const { files, siteFile, port } = data;
  const claims = claimsOf(data);
  for (const { index, bytes } of claims.claimed('file')) {
    const digest = bytes && fileDigest(bytes);
    claims.post({
      job: 'file',
      made: bytes && digest ? { index, file: files[index], digest, ...readArticleFile(files[index], bytes) } : { index },
    });
  }
  // The last files read go now: the build's thread, where the two met, waits for them.
  claims.send();
  const md = siteMarkdown(siteFile);
  if (md)
    for (const { index, bytes } of claims.claimed('body')) {
      const body = bytes && articleBody(files[index], bytes);
      if (body === undefined) {
        claims.post({ job: 'body', made: { index } });
        continue;
      }
      const tokens = md.parse(body, {});
      const facts = factsOfTokens(tokens);
      claims.post({
        job: 'body',
        made: { index, bodyDigest: bodyDigestOf(body), allowHtml: md.options.html, facts, html: pageFreeHtml(md, tokens, facts) },
      });
    }
  claims.send();
  port.close();
}
