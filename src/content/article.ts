import type { DateTime } from 'luxon';
import type { ImageFile, ProcessedImage } from '../images/index.ts';
import type { Category } from '../site/index.ts';

export interface Tag {
  name: string;
  slug: string;
  url: string;
}

export interface ArticleImage {
  src: string;
  alt: string;
  caption?: string;
  /** The photo in every width and format, for `picture(...)` in the layouts. */
  processed: ProcessedImage;
}

/** The photo shown when the article is shared: og:image and JSON-LD. */
export interface ShareImage extends ImageFile {
  alt: string;
}

/** An editor's choice to lead the home page ("Tin nổi bật"). */
export interface Feature {
  /** Featured until this moment (exclusive), compared with the build's clock. */
  until?: DateTime;
  /** Place among the featured articles, 1 first. */
  order?: number;
}

/** A published (or previewed) article, ready for the layouts. */
export interface Article {
  file: string;
  slug: string;
  url: string;
  title: string;
  author: string;
  category: Category;
  tags: Tag[];
  /** For lists, feeds and meta: the editor's summary, else the first paragraph. */
  summary: string;
  /** The editor's own summary, shown as the article's standfirst (absent when it would repeat the first paragraph). */
  standfirst?: string;
  /** The rendered body: rendered when first read (an incremental build keeps most pages and never needs it). */
  readonly html: string;
  /**
   * sha256 of what `html` is made of: the Markdown, and the photo or file each
   * of its images and links is rendered with. What a page's fingerprint takes
   * for the body (src/incremental), so the body is rendered only where shown.
   */
  bodyDigest: string;
  image?: ArticleImage;
  /** Every photo the article shows (lead first): what the build publishes for it. */
  images: ProcessedImage[];
  /** 1200×630 crop of the lead photo, else of the body's first photo. */
  shareImage?: ShareImage;
  published: DateTime;
  /** `modified`, else `date`: what "Cập nhật lúc" shows. */
  updated: DateTime;
  draft: boolean;
  /** Only in the preview: when a scheduled article will be published ("dd/MM/yyyy HH:mm:ss"). */
  scheduledFor?: string;
  aliases: string[];
  /** Set when the editor features the article on the home page (`featured: true`). */
  featured?: Feature;
  /** Precomputed for the layouts, in Vietnam time. */
  publishedText: string;
  updatedText: string;
  publishedIso: string;
  updatedIso: string;
}
