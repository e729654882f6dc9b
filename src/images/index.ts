/**
 * Photos: one pipeline for front-matter and Markdown images. The content
 * loader runs `processArticleImages` before rendering; layouts and the
 * Markdown renderer print `renderPicture`; the build publishes the files.
 */
export {
  ImageProcessor,
  imageProcessor,
  variantWidths,
  type ImageFile,
  type ImageStats,
  type ProcessedImage,
} from './process.ts';
export { ImageCache } from './cache.ts';
export { createLimit } from './limit.ts';
export { ImageError, imageErrorMessage } from './errors.ts';
export { renderFigure, renderPicture, type PictureOptions } from './picture.ts';
export { articleImageFiles, publishImages } from './publish.ts';
export { ENCODERS, FORMATS, OPEN_GRAPH, SIZES, WIDTHS, type ImageFormat, type SizesName } from './options.ts';
