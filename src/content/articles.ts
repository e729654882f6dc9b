import { createHash } from 'node:crypto';
import path from 'node:path';
import type MarkdownIt from 'markdown-it';
import type { Attachments } from '../attachments/index.ts';
import type { ArticleImages } from './photos.ts';
import { parseVietnamDate, vietnamDate, vietnamDateTime, isoWithOffset } from '../dates/index.ts';
import type { BodyReference, MarkdownEnv } from '../markdown/index.ts';
import { routes } from '../routes/index.ts';
import { slugify, foldVietnamese } from '../slugs/index.ts';
import type { SiteSettings } from '../site/index.ts';
import type { Article, Tag } from './article.ts';
import type { ArticleSource } from './read.ts';
import type { Problem } from '../problems/index.ts';
import { bodyFacts, bodyHtml, emptyBodyProblem } from './body.ts';

/** A tag's spelling with case, accents, Unicode form, spaces and dashes set aside: what tells two tags apart. */
function tagIdentity(name: string): string {
  return foldVietnamese(name)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/**
 * One page per tag slug; the spelling shown is the most used one, accents
 * preferred. Spellings of one tag share its page (a warning asks to pick one);
 * different tags whose slugs coincide ("C++" and "C#") are an error, as is a
 * tag with no letter or digit to make a URL of. Returns the files at fault.
 */
function tagRegistry(
  sources: ArticleSource[],
  problems: Problem[],
): { tags: Map<string, Tag>; faulty: Set<string>; slugOf: (name: string) => string } {
  // Made once a spelling: a few hundred tags name 20,000 articles' tags (0.4 s of slugs each build).
  const slugs = new Map<string, string>();
  const slugOf = (name: string) => {
    let slug = slugs.get(name);
    if (slug === undefined) {
      slug = slugify(name);
      slugs.set(name, slug);
    }
    return slug;
  };
  const spellings = new Map<string, Map<string, { count: number; file: string; line?: number }>>();
  const faulty = new Set<string>();
  for (const source of sources) {
    source.frontMatter.tags.forEach((name, index) => {
      const slug = slugOf(name);
      const line = source.lines(['tags', index]);
      if (!slug) {
        problems.push({
          severity: 'error',
          file: source.file,
          line,
          field: 'tags',
          message: `từ khóa "${name}" không có chữ cái hay chữ số nào để làm địa chỉ trang từ khóa; hãy viết từ khóa bằng chữ tiếng Việt hoặc bỏ đi`,
        });
        faulty.add(source.file);
        return;
      }
      const bySpelling = spellings.get(slug) ?? new Map();
      const entry = bySpelling.get(name) ?? { count: 0, file: source.file, line };
      entry.count++;
      bySpelling.set(name, entry);
      spellings.set(slug, bySpelling);
    });
  }
  const accents = (name: string) => [...name].filter((ch, i) => ch !== foldVietnamese(name)[i]).length;
  const tags = new Map<string, Tag>();
  for (const [slug, bySpelling] of spellings) {
    const ranked = [...bySpelling.entries()].sort(
      ([a, x], [b, y]) => y.count - x.count || accents(b) - accents(a) || a.localeCompare(b, 'vi'),
    );
    const [name] = ranked[0];
    tags.set(slug, { name, slug, url: routes.tag(slug) });
    for (const [other, { file, line }] of ranked.slice(1)) {
      if (tagIdentity(other) !== tagIdentity(name)) {
        problems.push({
          severity: 'error',
          file,
          line,
          field: 'tags',
          message: `từ khóa "${other}" và "${name}" là hai từ khóa khác nhau nhưng cùng địa chỉ ${routes.tag(slug)}; hãy viết rõ hơn một trong hai, ví dụ bằng chữ thay cho ký hiệu`,
        });
        faulty.add(file);
        continue;
      }
      problems.push({
        severity: 'warning',
        file,
        line,
        field: 'tags',
        message: `từ khóa "${other}" và "${name}" chỉ khác nhau ở chữ hoa, dấu, khoảng trắng hoặc bảng mã; hãy thống nhất một cách viết ("${name}")`,
      });
    }
  }
  return { tags, faulty, slugOf };
}

/** An article file after the cross-file checks: its URL, its body's links, and the article unless it has errors. */
export interface CheckedSource {
  source: ArticleSource;
  url: string;
  article?: Article;
  /** Links and images of the body, with their line in the file. */
  references: BodyReference[];
}

/**
 * Turns validated sources into articles, checking what needs the whole
 * content set: categories, duplicate URLs, dates, images. The body's links
 * are checked later, against every URL of the portal.
 */
export function buildArticles(
  sources: ArticleSource[],
  site: SiteSettings,
  md: MarkdownIt,
  images: ArticleImages,
  attachments: Attachments,
  problems: Problem[],
): CheckedSource[] {
  const categories = new Map(site.categories.map((c) => [c.slug, c]));
  const { tags, faulty, slugOf } = tagRegistry(sources, problems);
  const bySlug = new Map<string, string>();
  const checked: CheckedSource[] = [];

  for (const source of sources) {
    const fm = source.frontMatter;
    const error = (field: string, message: string) =>
      problems.push({ severity: 'error', file: source.file, field, line: source.lines(field.split('.')), message });
    let usable = !source.hasErrors && !faulty.has(source.file);

    const slug = fm.slug ?? slugify(source.fileSlug);
    const taken = bySlug.get(slug);
    if (!slug) {
      error(
        'slug',
        `tên tệp "${path.basename(source.file)}" không cho ra địa chỉ bài (không có chữ cái hay chữ số); hãy đổi tên tệp bằng chữ không dấu hoặc đặt slug: "ten-bai"`,
      );
      usable = false;
    } else if (taken) {
      // Without `slug:` the URL comes from the file name, so the line is where `slug:` would go.
      error('slug', `địa chỉ ${routes.article(slug)} trùng với bài ${taken}; hãy đặt slug khác hoặc đổi tên tệp`);
      usable = false;
    } else bySlug.set(slug, source.file);

    const category = categories.get(fm.category ?? site.defaultCategory);
    if (!category) {
      error('category', `chuyên mục "${fm.category}" không tồn tại; chỉ được dùng: ${[...categories.keys()].join(', ')}`);
      usable = false;
    }
    const published = parseVietnamDate(fm.date)!;
    const modified = fm.modified ? parseVietnamDate(fm.modified)! : undefined;
    if (modified && modified < published) {
      error('modified', `ngày cập nhật ${fm.modified} sớm hơn ngày đăng ${fm.date}; ngày cập nhật phải sau ngày đăng`);
      usable = false;
    }
    const featuredUntil = fm.featuredUntil ? parseVietnamDate(fm.featuredUntil)! : undefined;
    if (featuredUntil && featuredUntil < published) {
      error(
        'featuredUntil',
        `hạn nổi bật ${fm.featuredUntil} sớm hơn ngày đăng ${fm.date}; hãy đặt featuredUntil sau ngày đăng hoặc bỏ trường này`,
      );
      usable = false;
    }
    if (fm.featured && fm.draft) {
      problems.push({
        severity: 'warning',
        file: source.file,
        field: 'featured',
        line: source.lines(['featured']),
        message: 'bài đang là bản nháp nên sẽ không lên "Tin nổi bật"; bỏ draft để xuất bản, hoặc bỏ featured',
      });
    }
    const orphan = !fm.featured && (['featuredUntil', 'featuredOrder'] as const).find((field) => fm[field] !== undefined);
    if (orphan) {
      problems.push({
        severity: 'warning',
        file: source.file,
        field: orphan,
        line: source.lines([orphan]),
        message: `${orphan} chỉ có tác dụng khi bài có featured: true; hãy thêm featured: true hoặc bỏ ${orphan}`,
      });
    }
    const facts = bodyFacts(md, source);
    const references = facts.references.map((ref) => ({ ...ref, line: ref.line + source.bodyLine - 1 }));
    const empty = emptyBodyProblem(source, 'bài viết');
    if (empty) {
      problems.push(empty);
      usable = false;
    }
    const entry: CheckedSource = { source, url: routes.article(slug), references };
    checked.push(entry);
    // Image problems were reported by the image pre-pass.
    const pictures = images.of(source.file);
    if (!usable || !category || !pictures || !attachments.usable(source.file)) continue;

    const updated = modified ?? published;
    const lead = fm.image && { ...fm.image, processed: pictures.get(fm.image.src)! };
    const shown = [...new Set(pictures.values())];
    const share = lead?.processed ?? shown[0];
    const env: MarkdownEnv = { images: pictures, attachment: attachments.linker(source.file) };
    // Everything the renderer is given for this body: the photo of each image, the file of each link.
    const shownWith = references.map((ref) => (ref.kind === 'image' ? pictures.get(ref.href) : env.attachment?.(ref.href)));
    const bodyDigest = createHash('sha256')
      .update(JSON.stringify([source.bodyDigest, shownWith]))
      .digest('base64url');
    let html: string | undefined;
    entry.article = {
      file: source.file,
      slug,
      url: routes.article(slug),
      title: fm.title,
      author: fm.author,
      category,
      tags: [...new Map(fm.tags.map((name) => [slugOf(name), tags.get(slugOf(name))!])).values()],
      summary: fm.summary ?? facts.firstParagraph,
      standfirst: fm.summary,
      get html() {
        html ??= bodyHtml(md, source, env);
        return html;
      },
      bodyDigest,
      image: lead,
      images: shown,
      shareImage: share && { ...share.openGraph, alt: lead?.alt ?? facts.firstImageAlt ?? fm.title },
      published,
      updated,
      draft: fm.draft,
      aliases: fm.aliases,
      featured: fm.featured ? { until: featuredUntil, order: fm.featuredOrder } : undefined,
      publishedText: vietnamDate(published),
      updatedText: vietnamDateTime(updated),
      publishedIso: isoWithOffset(published),
      updatedIso: isoWithOffset(updated),
    };
  }
  return checked;
}
