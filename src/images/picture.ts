import { FORMATS, MIME_TYPES, SIZES, type SizesName } from './options.ts';
import type { ImageFile, ProcessedImage } from './process.ts';

export interface PictureOptions {
  alt: string;
  /** Which layout slot the photo fills (its `sizes`). */
  sizes: SizesName;
  /**
   * The page's main photo (article lead, home lead): fetched first, never
   * lazy. Every other photo is below the fold: lazy and decoded off the main thread.
   */
  priority?: boolean;
  /** Class of the <img>, for the layouts' CSS. */
  className?: string;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function srcset(files: ImageFile[]): string {
  return files.map((file) => `${file.url} ${file.width}w`).join(', ');
}

/**
 * `<picture>` offering AVIF, then WebP, then a JPEG <img> in every width, so the
 * browser downloads the smallest file that fills the slot on the reader's screen.
 */
export function renderPicture(image: ProcessedImage, { alt, sizes, priority = false, className }: PictureOptions): string {
  const byFormat = FORMATS.map((format) => ({ format, files: image.variants.filter((v) => v.format === format) }));
  const sizesAttr = escapeAttribute(SIZES[sizes]);
  const sources = byFormat
    .filter(({ format }) => format !== 'jpeg')
    .map(({ format, files }) => `<source type="${MIME_TYPES[format]}" srcset="${srcset(files)}" sizes="${sizesAttr}">`);
  const jpegs = byFormat.find(({ format }) => format === 'jpeg')!.files;
  const loading = priority ? 'fetchpriority="high"' : 'loading="lazy" decoding="async"';
  const img = `<img${className ? ` class="${escapeAttribute(className)}"` : ''} src="${jpegs[jpegs.length - 1].url}" srcset="${srcset(jpegs)}" sizes="${sizesAttr}" width="${image.width}" height="${image.height}" alt="${escapeAttribute(alt)}" ${loading}>`;
  return `<picture>${sources.join('')}${img}</picture>`;
}

/** A photo with its caption, as the article body shows it. */
export function renderFigure(picture: string, caption: string | undefined): string {
  return `<figure class="article-figure">${picture}${caption ? `<figcaption>${escapeAttribute(caption)}</figcaption>` : ''}</figure>\n`;
}
