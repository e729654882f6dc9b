import type { LoadedContent } from '../content/index.ts';

let preloaded: LoadedContent | undefined;

/**
 * `npm run build` reads and checks the content before it starts Eleventy;
 * handing it over spares Eleventy's first pass reading it all again.
 */
export function handOverContent(content: LoadedContent): void {
  preloaded = content;
}

/** The content handed over, once; watch-mode rebuilds read it afresh. */
export function takeHandedOverContent(): LoadedContent | undefined {
  const content = preloaded;
  preloaded = undefined;
  return content;
}
