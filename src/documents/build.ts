import type { DateTime } from 'luxon';
import type MarkdownIt from 'markdown-it';
import type { Attachment, Attachments, AttachmentUse } from '../attachments/index.ts';
import type { Problem } from '../problems/index.ts';
import { parseBody, type MarkdownSource } from '../content/index.ts';
import { parseVietnamDate, vietnamDate } from '../dates/index.ts';
import type { ArticleImages } from '../content/index.ts';
import type { ProcessedImage } from '../images/index.ts';
import type { BodyReference } from '../markdown/index.ts';
import { routes } from '../routes/index.ts';
import type { SiteSettings } from '../site/index.ts';
import { slugify } from '../slugs/index.ts';
import type { DocumentFrontMatter, DocumentStatus } from './schema.ts';

export type DocumentSource = MarkdownSource<DocumentFrontMatter>;

/** The ways /van-ban/ can be narrowed, each a folder of static list pages: /van-ban/<facet>/<value>/. */
export const DOCUMENT_FACETS = ['loai', 'co-quan', 'nam', 'linh-vuc'] as const;
export type DocumentFacet = (typeof DOCUMENT_FACETS)[number];

/** A value of a facet: "Quyết định" of loai, 2026 of nam. */
export interface FacetValue {
  name: string;
  slug: string;
}

/** An official document, ready for the layouts. */
export interface OfficialDocument {
  file: string;
  slug: string;
  url: string;
  /** "Quyết định số 123/QĐ-UBND": the page's heading. */
  title: string;
  number: string;
  type: FacetValue;
  issuer: FacetValue;
  field?: FacetValue;
  year: number;
  issued: DateTime;
  issuedText: string;
  issuedIso: string;
  effectiveText?: string;
  effectiveIso?: string;
  signer?: string;
  summary: string;
  status: DocumentStatus;
  /** The files to download, with type and size. */
  files: Attachment[];
  /** The editor's notes below the table (the Markdown body), if any. */
  html: string;
  /** The photos its body shows: what the build publishes for it. */
  images: ProcessedImage[];
  draft: boolean;
  /** When it goes out on the portal: `date`, else the day it was issued. */
  published: DateTime;
  scheduledFor?: string;
  aliases: string[];
}

/** A document file after its own checks: its URL, its body's links, and the document unless it has errors. */
export interface CheckedDocument {
  source: DocumentSource;
  url: string;
  article?: OfficialDocument;
  references: BodyReference[];
}

/** "123/QĐ-UBND", "123-qđ-ubnd" and "123 QD UBND" are one number. */
export function numberKey(number: string): string {
  return slugify(number);
}

/** Where each document names its files (`tep:`): what the attachment pre-pass checks. */
export function documentFileUses(source: DocumentSource): AttachmentUse[] {
  return source.frontMatter.tep.map((href, index) => ({
    file: source.file,
    href,
    line: source.lines(['tep', index]) ?? source.lines(['tep']),
    field: 'tep',
  }));
}

/** Slugs a document can't take: the facet folders and list pages of /van-ban/. */
function reservedSlug(slug: string): boolean {
  return (DOCUMENT_FACETS as readonly string[]).includes(slug) || /^trang-\d+$/.test(slug);
}

/**
 * Turns validated document files into documents: type from the site's list,
 * one document per number and per URL, dates in order, files attached.
 */
export function buildDocuments(
  sources: DocumentSource[],
  site: SiteSettings,
  { md, images, attachments }: { md: MarkdownIt; images: ArticleImages; attachments: Attachments },
  problems: Problem[],
): CheckedDocument[] {
  const types = new Map(site.documentTypes.map((name) => [slugify(name), name]));
  const byNumber = new Map<string, string>();
  const bySlug = new Map<string, string>();
  const checked: CheckedDocument[] = [];
  for (const source of sources) {
    const fm = source.frontMatter;
    const error = (field: string, message: string) =>
      problems.push({ severity: 'error', file: source.file, field, line: source.lines([field]), message });
    let usable = true;

    const sameNumber = byNumber.get(numberKey(fm.so_ky_hieu));
    if (sameNumber) {
      error('so_ky_hieu', `số ký hiệu "${fm.so_ky_hieu}" đã có ở văn bản ${sameNumber}; mỗi văn bản một số ký hiệu`);
      usable = false;
    } else byNumber.set(numberKey(fm.so_ky_hieu), source.file);

    const slug = fm.slug ?? numberKey(fm.so_ky_hieu);
    const taken = bySlug.get(slug);
    if (!slug || reservedSlug(slug)) {
      error(
        'slug',
        `địa chỉ ${routes.document(slug)} dành cho danh sách văn bản; hãy đặt slug khác, ví dụ: slug: van-ban-${slug || '1'}`,
      );
      usable = false;
    } else if (taken) {
      error('slug', `địa chỉ ${routes.document(slug)} trùng với văn bản ${taken}; hãy đặt slug khác`);
      usable = false;
    } else bySlug.set(slug, source.file);

    const type = types.get(slugify(fm.loai));
    if (!type) {
      error(
        'loai',
        `loại văn bản "${fm.loai}" không có trong documentTypes của site.yaml; chỉ được dùng: ${site.documentTypes.join(', ')}`,
      );
      usable = false;
    }
    const issued = parseVietnamDate(fm.ngay_ban_hanh)!;
    const effective = fm.ngay_hieu_luc ? parseVietnamDate(fm.ngay_hieu_luc)! : undefined;
    if (effective && effective.startOf('day') < issued.startOf('day')) {
      error('ngay_hieu_luc', `ngày hiệu lực ${fm.ngay_hieu_luc} sớm hơn ngày ban hành ${fm.ngay_ban_hanh}`);
      usable = false;
    }
    const { tokens, references } = parseBody(md, source);
    const url = routes.document(slug);
    const entry: CheckedDocument = { source, url, references };
    checked.push(entry);
    const pictures = images.of(source.file);
    if (!usable || !type || !pictures || !attachments.usable(source.file)) continue;

    const facet = (name: string): FacetValue => ({ name, slug: slugify(name) });
    const published = fm.date ? parseVietnamDate(fm.date)! : issued;
    entry.article = {
      file: source.file,
      slug,
      url,
      title: `${type} số ${fm.so_ky_hieu}`,
      number: fm.so_ky_hieu,
      type: facet(type),
      issuer: facet(fm.co_quan_ban_hanh),
      field: fm.linh_vuc ? facet(fm.linh_vuc) : undefined,
      year: issued.year,
      issued,
      issuedText: vietnamDate(issued),
      issuedIso: issued.toISODate()!,
      effectiveText: effective && vietnamDate(effective),
      effectiveIso: effective?.toISODate() ?? undefined,
      signer: fm.nguoi_ky,
      summary: fm.trich_yeu,
      status: fm.trang_thai,
      files: fm.tep.map((href) => attachments.link(source.file, href)!.attachment),
      html: md.renderer.render(tokens, md.options, { images: pictures, attachment: attachments.linker(source.file) }),
      images: [...new Set(pictures.values())],
      draft: fm.draft,
      published,
      aliases: fm.aliases,
    };
  }
  return checked;
}
