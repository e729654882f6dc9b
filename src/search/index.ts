export {
  BUNDLE_DIR as SEARCH_BUNDLE_DIR,
  indexPages,
  indexShards,
  pagefindBinary,
  PAGEFIND_ALLOCATOR,
  PAGEFIND_HASHED_FILES,
  SHARD_PLAN,
  SearchIndexError,
  shardEntryFile,
  shardFolder,
  type SearchIndexing,
  type SearchIndexResult,
  type ShardPlan,
} from './indexer.ts';
export { SHARD_PAGES, searchDate, searchShards, type SearchShard } from './shards.ts';
export { shardWords, tableWords, WORDS_DIR, writeWordTable, type WordChunk } from './words.ts';
export { searchDocument } from './document.ts';
export { toIndexerHtml, swapDForIndex, oneSpelling } from './vietnamese.ts';
export { numberVariants } from './document.ts';
