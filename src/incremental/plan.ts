import { createHash } from 'node:crypto';
import type { Article } from '../content/index.ts';
import type { Portal } from '../portal/index.ts';
import { pageTypes } from '../pages/index.ts';
import { searchDocument, type SearchShard } from '../search/index.ts';
import { ArticleDigests, pageFingerprint, pageInputs } from './fingerprint.ts';

/** URL → fingerprint of every page the plan decides on (the page types of `pageInputs`). */
export type PageFingerprints = Record<string, string>;

/** Shard name → fingerprint of every search index shard (src/search/shards.ts). */
export type ShardFingerprints = Record<string, string>;

/** The pages of a previous build: their fingerprints, and whether a page's file is still there to keep. */
export interface PreviousPages {
  fingerprints: PageFingerprints;
  hasFile(url: string): boolean;
  /** Its search index shards, and whether a shard's folder is still there to keep; none: every shard is indexed. */
  shards?: ShardFingerprints;
  hasShard?(name: string): boolean;
  /** The pagefind/ folder where its kept shards and their word table can be read while this build runs (the previous output's: a build links them in late). */
  searchDir?: string;
}

/** Which search index shards a build re-indexes, and which it keeps from the previous one. */
export interface IndexPlan {
  shardFingerprints: ShardFingerprints;
  /** The shards whose folder under pagefind/ is the previous build's, unchanged: Pagefind indexes only the others. */
  keptShards: Set<string>;
}

/** Which pages a build renders, and which it keeps from the previous one. */
export interface RenderPlan extends IndexPlan {
  fingerprints: PageFingerprints;
  /** Whether the page at `url` is rendered (every page of a type the plan doesn't decide on is). */
  renders(url: string): boolean;
  /** URLs whose file is the previous build's, unchanged. */
  kept: string[];
  /** URLs the previous build wrote that this one doesn't (deleted articles, emptied tags). */
  removed: string[];
}

/** Where Eleventy writes the page at `url`, relative to the output folder. */
export function outputFile(url: string): string {
  return (url.endsWith('/') ? `${url}index.html` : url).replace(/^\//, '');
}

/**
 * What Pagefind reads for a shard: its name and each page's URL and search
 * document. An article's document is made of the article alone, so its whole
 * digest stands for it (making 20,000 documents to hash them takes seconds);
 * the few static pages and documents are hashed as their documents.
 */
function shardDigest(shard: SearchShard, digests: ArticleDigests): string {
  const hash = createHash('sha256').update(shard.name);
  for (const page of shard.pages)
    hash.update(`\0${page.url}\0`).update(page.kind === 'article' ? digests.whole(page.article) : searchDocument(page));
  return hash.digest('base64url');
}

const articlesOf = (shards: SearchShard[]): Article[] =>
  shards.flatMap((shard) => shard.pages.flatMap((page) => (page.kind === 'article' ? [page.article] : [])));

/**
 * Fingerprints every search index shard, and keeps those whose fingerprint is
 * the previous build's and whose folder is there. Made before the pages' plan,
 * so Pagefind starts while the pages are fingerprinted; `digests` are the
 * articles' (planPages uses the same).
 */
export function planShards(
  shards: SearchShard[],
  siteDigest: string,
  previous?: PreviousPages,
  digests = new ArticleDigests(articlesOf(shards)),
): IndexPlan {
  // The search documents are made by the project's code too: the site digest is in each shard's fingerprint.
  const shardFingerprints: ShardFingerprints = Object.fromEntries(
    shards.map((shard) => [shard.name, pageFingerprint(siteDigest, 'search', shard.name, shardDigest(shard, digests))]),
  );
  const keptShards = new Set(
    Object.keys(shardFingerprints).filter(
      (name) => previous?.shards?.[name] === shardFingerprints[name] && previous.hasShard?.(name) === true,
    ),
  );
  return { shardFingerprints, keptShards };
}

/**
 * Fingerprints every page of the many-page types, and keeps those whose
 * fingerprint is the previous build's and whose file is there; without a
 * previous build, everything is rendered. `index` is the shards' plan
 * (planShards; by default none is kept).
 */
export function planPages(
  portal: Portal,
  siteDigest: string,
  previous?: PreviousPages,
  index: IndexPlan = { shardFingerprints: {}, keptShards: new Set() },
  digests = new ArticleDigests(portal.articles),
): RenderPlan {
  const fingerprints: PageFingerprints = {};
  for (const type of pageTypes) {
    const inputs = pageInputs[type.name];
    if (!inputs || !('items' in type)) continue;
    const route = type.route as (item: unknown) => string;
    for (const item of portal[type.items]) {
      const url = route(item);
      fingerprints[url] = pageFingerprint(siteDigest, type.name, url, inputs(item, portal, digests));
    }
  }
  const kept = previous
    ? Object.keys(fingerprints).filter((url) => previous.fingerprints[url] === fingerprints[url] && previous.hasFile(url))
    : [];
  const keptSet = new Set(kept);
  const removed = previous ? Object.keys(previous.fingerprints).filter((url) => !(url in fingerprints)) : [];
  return { fingerprints, renders: (url) => !keptSet.has(url), kept, removed, ...index };
}
