import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { routes } from '../routes/index.ts';
import { ImageCache, type CacheEntry, type CachedFile } from './cache.ts';
import { ImageError } from './errors.ts';
import { createLimit } from './limit.ts';
import { ENCODERS, EXTENSIONS, FORMATS, INPUT_FORMATS, OPEN_GRAPH, OPTIONS_KEY, WIDTHS, type ImageFormat } from './options.ts';

/** One published file of a processed photo. */
export interface ImageFile {
  /** Site URL, e.g. /img/3f2a…-720.avif. */
  url: string;
  /** Where the encoded file is, in the cache. */
  path: string;
  format: ImageFormat;
  width: number;
  height: number;
}

/** A photo after the pipeline: upright, stripped of metadata, in every width and format. */
export interface ProcessedImage {
  hash: string;
  /** The editor's file it came from. */
  source: string;
  /** Size of the largest variant: the width/height attributes (aspect ratio, no layout shift). */
  width: number;
  height: number;
  /** Every format × width, narrowest first within each format. */
  variants: ImageFile[];
  /** 1200×630 JPEG for og:image. */
  openGraph: ImageFile;
}

/** How much work the processor did: a rebuild with unchanged photos encodes nothing. */
export interface ImageStats {
  encoded: number;
  reused: number;
}

export interface ImageProcessorOptions {
  cacheDir: string;
  /** Photos encoded at once; the machine's cores by default. */
  concurrency?: number;
}

/**
 * libvips threads per photo: 1, because photos are encoded side by side (one
 * per core), which keeps every core busy with one decoded photo each instead
 * of several threads' buffers per photo. The operation cache is off: each
 * operation runs once, and cached pixels would only hold memory.
 */
function configureSharp(): void {
  sharp.concurrency(1);
  sharp.cache(false);
}

/** Widths to write for a photo `width` pixels wide (after rotation): the standard ones, capped at its own. */
export function variantWidths(width: number): number[] {
  return [...new Set(WIDTHS.map((w) => Math.min(w, width)))];
}

/** A path as an editor in the project folder would type it. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

function decodeFailure(error: unknown): ImageError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new ImageError('corrupt', reason.replace(/^Input (buffer|file) /, ''));
}

/**
 * The one place photos are encoded. Each photo is decoded once (JPEG
 * shrink-on-load straight to the largest width needed), rotated by its EXIF
 * orientation, and written in every width and format with no metadata at all;
 * results are cached on disk by content hash + options.
 */
export class ImageProcessor {
  readonly cache: ImageCache;
  readonly concurrency: number;
  readonly stats: ImageStats = { encoded: 0, reused: 0 };
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  /** Same file, same size and mtime: same result, without reading it again (the build loads content twice). */
  private readonly memo = new Map<string, Promise<ProcessedImage>>();

  constructor({ cacheDir, concurrency = os.availableParallelism() }: ImageProcessorOptions) {
    configureSharp();
    this.cache = new ImageCache(path.resolve(cacheDir));
    this.concurrency = concurrency;
    this.limit = createLimit(concurrency);
  }

  /** Processes one photo; rejects with an ImageError when it is missing, corrupt or of an unsupported format. */
  async process(file: string): Promise<ProcessedImage> {
    const source = path.resolve(file);
    const info = await stat(source).catch(() => null);
    if (!info?.isFile()) throw new ImageError('missing', shownPath(source));
    const key = `${source}\0${info.size}\0${info.mtimeMs}`;
    let result = this.memo.get(key);
    if (!result) {
      result = this.limit(() => this.run(source));
      this.memo.set(key, result);
    }
    return result;
  }

  private async run(source: string): Promise<ProcessedImage> {
    // Read inside the limit: only `concurrency` photos are in memory at once.
    const bytes = await readFile(source);
    const hash = createHash('sha256').update(OPTIONS_KEY).update(bytes).digest('hex').slice(0, 16);
    let entry = this.cache.read(hash);
    if (entry) this.stats.reused++;
    else {
      entry = await this.encode(bytes, hash);
      this.stats.encoded++;
    }
    return this.toProcessed(entry, source);
  }

  private async encode(bytes: Buffer, hash: string): Promise<CacheEntry> {
    const meta = await sharp(bytes)
      .metadata()
      .catch((error: unknown) => {
        throw decodeFailure(error);
      });
    const format = meta.format as string;
    if (!(INPUT_FORMATS as readonly string[]).includes(format) || (format === 'heif' && meta.compression !== 'av1')) {
      throw new ImageError('unsupported', format);
    }
    if (!meta.width || !meta.height) throw new ImageError('corrupt', 'không đọc được kích thước');
    const upright = meta.autoOrient ?? { width: meta.width, height: meta.height };

    // Decode once, at the smallest size that still covers the widest variant and the Open Graph crop.
    const scale = Math.min(1, Math.max(WIDTHS[WIDTHS.length - 1] / upright.width, OPEN_GRAPH.height / upright.height));
    const { data, info } = await sharp(bytes, { failOn: 'error' })
      .autoOrient()
      .resize({ width: Math.round(upright.width * scale) })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
      .catch((error: unknown) => {
        throw decodeFailure(error);
      });
    const base = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });

    const scratch = this.cache.scratch(hash);
    try {
      const write = async (pipeline: Sharp, name: string, format: ImageFormat): Promise<CachedFile> => {
        const out = await pipeline.toFile(path.join(scratch, name));
        return { name, format, width: out.width, height: out.height };
      };
      const variants: CachedFile[] = [];
      for (const format of FORMATS) {
        for (const width of variantWidths(info.width)) {
          let pipeline = width === info.width ? base() : base().resize({ width });
          pipeline =
            format === 'jpeg'
              ? pipeline.flatten({ background: '#ffffff' }).jpeg(ENCODERS.jpeg)
              : format === 'webp'
                ? pipeline.webp(ENCODERS.webp)
                : pipeline.avif(ENCODERS.avif);
          variants.push(await write(pipeline, `${hash}-${width}.${EXTENSIONS[format]}`, format));
        }
      }
      const openGraph = await write(
        base()
          .resize({ width: OPEN_GRAPH.width, height: OPEN_GRAPH.height, fit: 'cover', position: sharp.strategy.attention })
          .flatten({ background: '#ffffff' })
          .jpeg(OPEN_GRAPH.jpeg),
        `${hash}-og.jpg`,
        'jpeg',
      );
      const entry = { hash, variants, openGraph };
      this.cache.commit(scratch, entry);
      return entry;
    } catch (error) {
      this.cache.discard(scratch);
      throw error;
    }
  }

  private toProcessed(entry: CacheEntry, source: string): ProcessedImage {
    const dir = this.cache.entryDir(entry.hash);
    const file = (cached: CachedFile): ImageFile => ({
      ...cached,
      url: routes.image(cached.name),
      path: path.join(dir, cached.name),
    });
    const largest = entry.variants.reduce((a, b) => (b.width > a.width ? b : a));
    return {
      hash: entry.hash,
      source,
      width: largest.width,
      height: largest.height,
      variants: entry.variants.map(file),
      openGraph: file(entry.openGraph),
    };
  }
}

const shared = new Map<string, ImageProcessor>();

/**
 * The processor for a cache folder, shared within the process: the build's
 * check pass and Eleventy's pass then process each photo once.
 */
export function imageProcessor(cacheDir: string): ImageProcessor {
  const key = path.resolve(cacheDir);
  let processor = shared.get(key);
  if (!processor) {
    processor = new ImageProcessor({ cacheDir: key });
    shared.set(key, processor);
  }
  return processor;
}
