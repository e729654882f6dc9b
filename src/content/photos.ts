import { realpathSync } from 'node:fs';
import path from 'node:path';
import type MarkdownIt from 'markdown-it';
import type { MarkdownSource } from './read.ts';
import { BODY_FIELD, type Problem } from '../problems/index.ts';
import type { BodyReference } from '../markdown/index.ts';
import { bodyFacts } from './body.ts';
import { ImageError, imageErrorMessage, type ImageProcessor, type ProcessedImage } from '../images/index.ts';

/** A photo an article shows: its front-matter lead image or an image in its Markdown body. */
export interface ImageReference {
  /** As written (for Markdown, markdown-it's normalised URL): the key the renderer looks up. */
  src: string;
  alt: string;
  /** Where to point the editor. */
  line?: number;
  /** 'image.src' for the lead photo, BODY_FIELD for one in the body. */
  field: string;
}

/** Where an image referenced by an article lives on disk: "/x" from the content root, else next to the article. */
export function imagePath(contentDir: string, articleFile: string, src: string): string {
  return src.startsWith('/') ? path.join(contentDir, src) : path.join(path.dirname(articleFile), src);
}

/**
 * Whether `file` stays inside the content folder, symbolic links followed: a
 * photo written as "../../x.jpg" or "/../x.jpg" must not publish a file from elsewhere.
 */
export function insideContent(contentDir: string, file: string): boolean {
  // A missing file is resolved through its nearest existing folder (then reported as missing, if inside).
  const real = (p: string): string => {
    const full = path.resolve(p);
    try {
      return realpathSync(full);
    } catch {
      const parent = path.dirname(full);
      return parent === full ? full : path.join(real(parent), path.basename(full));
    }
  };
  const relative = path.relative(real(contentDir), real(file));
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

function fileName(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

const REMOTE = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/** A Markdown file that may show photos: an article (with a lead photo), a page, a document. */
type IllustratedSource = MarkdownSource<object>;

/** Every image of an article: the front-matter one first, then the body's in order. */
export function imageReferences(source: IllustratedSource, body: BodyReference[]): ImageReference[] {
  const found: ImageReference[] = [];
  const lead = (source.frontMatter as { image?: { src: string; alt: string } }).image;
  if (lead) found.push({ src: lead.src, alt: lead.alt, line: source.lines(['image', 'src']), field: 'image.src' });
  for (const ref of body) {
    if (ref.kind === 'image')
      found.push({ src: ref.href, alt: ref.alt, line: source.bodyLine + ref.line - 1, field: BODY_FIELD });
  }
  return found;
}

/** The processed photos of every article, by the `src` it wrote. */
export class ArticleImages {
  private readonly byArticle = new Map<string, Map<string, ProcessedImage>>();
  private readonly failedArticles = new Set<string>();

  /** Null when one of the article's images failed (its problem is reported). */
  of(articleFile: string): Map<string, ProcessedImage> | null {
    return this.failedArticles.has(articleFile) ? null : (this.byArticle.get(articleFile) ?? new Map());
  }

  add(articleFile: string, src: string, image: ProcessedImage): void {
    const images = this.byArticle.get(articleFile) ?? new Map<string, ProcessedImage>();
    images.set(src, image);
    this.byArticle.set(articleFile, images);
  }

  fail(articleFile: string): void {
    this.failedArticles.add(articleFile);
  }
}

/**
 * The pre-pass before articles are rendered: collects every image the
 * articles reference (front matter and Markdown), checks alt text and
 * location, and processes them all through one processor (bounded
 * concurrency, content cache). Problems name the article, line and image.
 */
export async function processArticleImages(
  sources: IllustratedSource[],
  md: MarkdownIt,
  contentDir: string,
  processor: ImageProcessor,
  problems: Problem[],
): Promise<ArticleImages> {
  const images = new ArticleImages();
  // Started together (the processor bounds the concurrency), reported in article order.
  const checks: { source: IllustratedSource; reference: ImageReference; result: Promise<ProcessedImage | string> }[] = [];
  const check = (source: IllustratedSource, reference: ImageReference, result: Promise<ProcessedImage | string>) =>
    checks.push({ source, reference, result });
  for (const source of sources) {
    for (const reference of imageReferences(source, bodyFacts(md, source).references)) {
      const name = fileName(reference.src);
      // The lead photo's alt text is checked with the front matter; a body photo's here, and its file as well.
      if (!reference.alt && reference.field === BODY_FIELD)
        check(
          source,
          reference,
          Promise.resolve(
            `ảnh "${name}" thiếu mô tả (alt) cho người khiếm thị; hãy viết ![mô tả nội dung ảnh](${reference.src})`,
          ),
        );
      if (REMOTE.test(reference.src)) {
        check(
          source,
          reference,
          Promise.resolve(
            `ảnh "${reference.src}" lấy từ trang khác; hãy tải ảnh về, đặt cạnh bài viết hoặc vào content/images/, để cổng tối ưu ảnh và không để trang khác theo dõi người đọc`,
          ),
        );
        continue;
      }
      const file = imagePath(contentDir, source.file, name);
      if (!insideContent(contentDir, file)) {
        check(
          source,
          reference,
          Promise.resolve(
            `ảnh "${name}" nằm ngoài thư mục nội dung (${contentDir}); chỉ được dùng ảnh đặt cạnh bài viết hoặc trong content/images/, ví dụ "/images/anh.jpg"`,
          ),
        );
        continue;
      }
      check(
        source,
        reference,
        processor.process(file).catch((failure: unknown) => {
          if (failure instanceof ImageError) return imageErrorMessage(failure, name);
          throw failure;
        }),
      );
    }
  }
  const settled = await Promise.allSettled(checks.map((check) => check.result));
  const crash = settled.find((outcome) => outcome.status === 'rejected');
  if (crash) throw crash.reason;
  const results = settled.map((outcome) => (outcome as PromiseFulfilledResult<ProcessedImage | string>).value);
  checks.forEach(({ source, reference }, i) => {
    const result = results[i];
    if (typeof result !== 'string') {
      images.add(source.file, reference.src, result);
      return;
    }
    problems.push({ severity: 'error', file: source.file, line: reference.line, field: reference.field, message: result });
    images.fail(source.file);
  });
  return images;
}
