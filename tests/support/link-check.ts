import * as cheerio from 'cheerio';

/** One reference that does not lead to a file: where it was, what it said, what the server answered. */
export interface BrokenLink {
  from: string;
  ref: string;
  problem: string;
}

export interface LinkCheck {
  /** Every URL requested (on the local server), documents included. */
  checked: Set<string>;
  broken: BrokenLink[];
}

/** URLs in a stylesheet: url(...) and @import "...". */
export function cssRefs(css: string): string[] {
  const refs = [...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/g)].map((m) => m[2]);
  return [...refs, ...[...css.matchAll(/@import\s+(['"])(.*?)\1/g)].map((m) => m[2])];
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

/**
 * Every URL an HTML page refers to: href, src, srcset, poster, form actions,
 * refresh redirects, Open Graph, JSON-LD, and url() in style attributes and
 * elements. Same-page fragments (#id) are returned as they are.
 */
export function htmlRefs(html: string): string[] {
  const $ = cheerio.load(html);
  const refs: string[] = [];
  $('[href]').each((_, el) => {
    refs.push($(el).attr('href')!);
  });
  $('[src]').each((_, el) => {
    refs.push($(el).attr('src')!);
  });
  $('[poster]').each((_, el) => {
    refs.push($(el).attr('poster')!);
  });
  $('form[action]').each((_, el) => {
    refs.push($(el).attr('action')!);
  });
  $('[srcset]').each((_, el) => {
    refs.push(
      ...$(el)
        .attr('srcset')!
        .split(',')
        .map((c) => c.trim().split(/\s+/)[0])
        .filter(Boolean),
    );
  });
  $('meta[http-equiv="refresh" i]').each((_, el) => {
    const url = $(el)
      .attr('content')
      ?.match(/url\s*=\s*['"]?([^'"]+)/i)?.[1];
    if (url) refs.push(url);
  });
  $('meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]').each((_, el) => {
    refs.push($(el).attr('content')!);
  });
  $('script[type="application/ld+json"]').each((_, el) => {
    refs.push(...jsonStrings(JSON.parse($(el).text())).filter((s) => /^(https?:\/\/|\/)/.test(s)));
  });
  $('[style]').each((_, el) => {
    refs.push(...cssRefs($(el).attr('style')!));
  });
  $('style').each((_, el) => {
    refs.push(...cssRefs($(el).text()));
  });
  return refs.map((r) => r.trim()).filter(Boolean);
}

/** Absolute URLs in XML (feed, sitemap) and plain text (robots.txt), and robots.txt's paths. */
export function textRefs(text: string): string[] {
  const urls = [...text.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0].replace(/&amp;/g, '&'));
  const robots = [...text.matchAll(/^(?:Allow|Disallow):\s*(\/\S*)/gm)].map((m) => m[1]);
  return [...urls, ...robots];
}

/**
 * Crawls a site on a local server from `start` (every page of the build, as a
 * rule): requests every URL each document refers to, follows the documents
 * (HTML, CSS, XML, text) among them, and lists what does not answer 200.
 * Absolute URLs on the public root (https://x.gov.vn/cong-thong-tin/...) are
 * checked at the same path on the local server; absolute URLs elsewhere on the
 * public origin are broken (a missing or doubled prefix); other sites are not
 * requested. `notFoundPages` are fetched expecting 404 (the not-found page,
 * served at any depth), and their links are checked from where they were served.
 */
export async function checkLinks(
  start: string[],
  options: { localRoot: string; publicRoot: string; notFoundPages?: string[] },
): Promise<LinkCheck> {
  const local = new URL(options.localRoot);
  const publicRoot = new URL(options.publicRoot);
  const checked = new Set<string>();
  const broken: BrokenLink[] = [];
  const results = new Map<string, Promise<{ status: number; type: string; body: string; url: string }>>();
  const fetchOnce = (url: string) => {
    if (!results.has(url)) {
      checked.add(url);
      results.set(
        url,
        fetch(url).then(async (r) => ({
          status: r.status,
          type: r.headers.get('content-type') ?? '',
          body: await r.text(),
          url: r.url,
        })),
      );
    }
    return results.get(url)!;
  };

  /** The local URL to request for a reference, or why it is broken, or undefined for other sites. */
  const localUrl = (ref: string, from: string): string | { problem: string } | undefined => {
    let url: URL;
    try {
      url = new URL(ref, from);
    } catch {
      return { problem: 'not a URL' };
    }
    if (!['http:', 'https:'].includes(url.protocol)) return undefined;
    url.hash = '';
    if (url.origin === publicRoot.origin) {
      if (!url.pathname.startsWith(publicRoot.pathname)) return { problem: `outside the public root ${publicRoot.href}` };
      return `${local.origin}${local.pathname}${url.pathname.slice(publicRoot.pathname.length)}${url.search}`;
    }
    return url.origin === local.origin ? url.href : undefined;
  };

  const queue: { url: string; expect: number }[] = [
    ...start.map((url) => ({ url, expect: 200 })),
    ...(options.notFoundPages ?? []).map((url) => ({ url, expect: 404 })),
  ];
  const crawled = new Set<string>();
  while (queue.length) {
    const batch = queue.splice(0).filter(({ url }) => !crawled.has(url) && crawled.add(url));
    await Promise.all(
      batch.map(async ({ url, expect }) => {
        const document = await fetchOnce(url);
        if (document.status !== expect) return broken.push({ from: '(start)', ref: url, problem: `status ${document.status}` });
        const from = document.url; // after redirects, as a browser resolves relative URLs
        const refs = document.type.startsWith('text/html')
          ? htmlRefs(document.body)
          : document.type.startsWith('text/css')
            ? cssRefs(document.body)
            : /xml|text\/plain/.test(document.type)
              ? textRefs(document.body)
              : [];
        const $ = document.type.startsWith('text/html') ? cheerio.load(document.body) : undefined;
        await Promise.all(
          refs.map(async (ref) => {
            if (ref.startsWith('#')) {
              if (ref.length > 1 && $ && !$(`[id="${decodeURIComponent(ref.slice(1))}"]`).length)
                broken.push({ from, ref, problem: 'no element with this id' });
              return;
            }
            const target = localUrl(ref, from);
            if (target === undefined) return;
            if (typeof target !== 'string') return broken.push({ from, ref, problem: target.problem });
            const answer = await fetchOnce(target);
            if (answer.status !== 200) return broken.push({ from, ref, problem: `status ${answer.status}` });
            if (/text\/(html|css)|xml|text\/plain/.test(answer.type)) queue.push({ url: target, expect: 200 });
          }),
        );
      }),
    );
  }
  return { checked, broken };
}
