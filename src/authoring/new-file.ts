/** Why `npm run new` refused, in Vietnamese. */
export class NewArticleError extends Error {
  override name = 'NewArticleError';
}

/** A file `npm run new` is about to write: an article, a page or a document. */
export interface NewArticle {
  file: string;
  url: string;
  text: string;
}
