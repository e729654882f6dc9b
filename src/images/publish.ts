import { constants, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ImageFile, ProcessedImage } from './process.ts';

/** The files a set of published articles needs: every variant of the photos they show, and their share images. */
export function articleImageFiles(articles: Iterable<{ images: ProcessedImage[]; shareImage?: ImageFile }>): ImageFile[] {
  const files = new Map<string, ImageFile>();
  for (const article of articles) {
    for (const file of article.images.flatMap((image) => image.variants)) files.set(file.url, file);
    if (article.shareImage) files.set(article.shareImage.url, article.shareImage);
  }
  return [...files.values()];
}

/**
 * Copies processed files from the cache into the site being built (at their
 * URL). Only files that published pages use are copied, so a draft's photo
 * stays private and stale cache entries are never published.
 */
export function publishImages(outputDir: string, files: Iterable<ImageFile>): number {
  let copied = 0;
  for (const file of files) {
    const target = path.join(outputDir, file.url);
    if (existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    // A reflink where the file system can (instant, no extra space), else a copy.
    copyFileSync(file.path, target, constants.COPYFILE_FICLONE);
    copied++;
  }
  return copied;
}
