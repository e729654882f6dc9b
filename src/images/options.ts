/** What the image pipeline writes for every photo; changing any of it changes every output's hash. */

/** Widths of the responsive variants, capped at the photo's own width. */
export const WIDTHS = [360, 720, 1080, 1600] as const;

export type ImageFormat = 'avif' | 'webp' | 'jpeg';

/**
 * Formats in the order a `<picture>` offers them: the browser takes the first
 * it supports, so the smallest comes first and JPEG is the fallback <img>.
 */
export const FORMATS: readonly ImageFormat[] = ['avif', 'webp', 'jpeg'];

export const EXTENSIONS: Record<ImageFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
export const MIME_TYPES: Record<ImageFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };

/**
 * Encoder settings. AVIF effort 3 is about 4x faster than the default 4 for
 * files about 3% larger; 4:2:0 chroma is what photos need.
 */
export const ENCODERS = {
  avif: { quality: 50, effort: 3, chromaSubsampling: '4:2:0' },
  webp: { quality: 75, effort: 4 },
  jpeg: { quality: 78, progressive: true },
} as const;

/** The Open Graph image every article with a photo gets (Facebook and Zalo's recommended size). */
export const OPEN_GRAPH = { width: 1200, height: 630, jpeg: { quality: 80, progressive: true } } as const;

/** Input formats editors may use (sharp's names); AVIF reads as "heif" with AV1 compression. */
export const INPUT_FORMATS = ['jpeg', 'png', 'webp', 'heif', 'tiff'] as const;

/** Bumped when the pipeline's code changes what it writes, so cached files are redone. */
const PIPELINE_VERSION = 1;

/** Part of every cache key and file hash: same source + same options = same files. */
export const OPTIONS_KEY = JSON.stringify({ PIPELINE_VERSION, WIDTHS, FORMATS, ENCODERS, OPEN_GRAPH });

/**
 * `sizes` for each place the layouts show a photo, matching assets/css/site.css
 * (container 72rem with 1rem padding; breakpoints 30, 40, 48 and 64rem):
 * - article: the article column, 46rem from 48rem up;
 * - homeLead: full width on phones, 3/5 of the lead from 48rem, 2/3 of the container from 64rem;
 * - homeSecondary: a 7rem thumbnail on phones, half the width from 30rem, a quarter from 48rem, a quarter of 2/3 from 64rem;
 * - categoryTop: a 7rem thumbnail on phones, half the width from 40rem, a third from 64rem;
 * - thumbnail: "Các tin khác", 7rem;
 * - card: the lists' cards (category, tag, archive), 7rem, 12rem from 48rem.
 */
export const SIZES = {
  article: '(min-width: 48rem) 46rem, calc(100vw - 2rem)',
  homeLead: '(min-width: 72rem) 46rem, (min-width: 64rem) 64vw, (min-width: 48rem) 60vw, calc(100vw - 2rem)',
  homeSecondary: '(min-width: 72rem) 11rem, (min-width: 64rem) 15vw, (min-width: 48rem) 23vw, (min-width: 30rem) 48vw, 7rem',
  categoryTop: '(min-width: 72rem) 22rem, (min-width: 64rem) 31vw, (min-width: 40rem) 48vw, 7rem',
  thumbnail: '7rem',
  card: '(min-width: 48rem) 12rem, 7rem',
} as const;

export type SizesName = keyof typeof SIZES;
