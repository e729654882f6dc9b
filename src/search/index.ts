export { indexPages, PAGEFIND_HASHED_FILES, SearchIndexError, type SearchIndexResult } from './indexer.ts';
export { searchDocument } from './document.ts';
export { toIndexerHtml, swapDForIndex, oneSpelling, indexSpelling } from './vietnamese.ts';
export { numberVariants } from './document.ts';
