import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { ArticleImages } from '../images/index.ts';
import { parseVietnamDate, vietnamDate, vietnamDateTime, isoWithOffset } from '../dates/index.ts';
import { firstParagraph, type MarkdownEnv } from '../markdown/index.ts';
import { routes } from '../routes/index.ts';
import { slugify, foldVietnamese } from '../slugs/index.ts';
import type { SiteSettings } from '../site/index.ts';
import type { Article, Tag } from './article.ts';
import type { ArticleSource } from './read.ts';
import type { Problem } from './problems.ts';


/** One page per tag slug; the spelling shown is the most used one, accents preferred. */
function tagRegistry(sources: ArticleSource[], problems: Problem[]): Map<string, Tag> {
  const spellings = new Map<string, Map<string, { count: number; files: string[] }>>();
  for (const source of sources) {
    for (const name of source.frontMatter.tags) {
      const slug = slugify(name);
      const bySpelling = spellings.get(slug) ?? new Map();
      const entry = bySpelling.get(name) ?? { count: 0, files: [] };
      entry.count++;
      entry.files.push(source.file);
      bySpelling.set(name, entry);
      spellings.set(slug, bySpelling);
    }
  }
  const accents = (name: string) => [...name].filter((ch, i) => ch !== foldVietnamese(name)[i]).length;
  const tags = new Map<string, Tag>();
  for (const [slug, bySpelling] of spellings) {
    const ranked = [...bySpelling.entries()].sort(
      ([a, x], [b, y]) => y.count - x.count || accents(b) - accents(a) || a.localeCompare(b, 'vi'),
    );
    const [name] = ranked[0];
    tags.set(slug, { name, slug, url: routes.tag(slug) });
    for (const [other, { files }] of ranked.slice(1)) {
      problems.push({ severity: 'warning', file: files[0], field: 'tags',
        message: `từ khóa "${other}" và "${name}" chỉ khác nhau ở chữ hoa, dấu hoặc bảng mã; hãy thống nhất một cách viết ("${name}")` });
    }
  }
  return tags;
}

/** Alt text of the body's first image (the share image when there is no lead photo). */
function bodyImageAlt(tokens: Token[]): string | undefined {
  for (const block of tokens) {
    const image = block.children?.find((child) => child.type === 'image');
    if (image) return image.content;
  }
  return undefined;
}

/**
 * Turns validated sources into articles, checking what needs the whole
 * content set: categories, duplicate URLs, dates, images.
 */
export function buildArticles(sources: ArticleSource[], site: SiteSettings, md: MarkdownIt, images: ArticleImages, problems: Problem[]): Article[] {
  const categories = new Map(site.categories.map((c) => [c.slug, c]));
  const tags = tagRegistry(sources, problems);
  const bySlug = new Map<string, string>();
  const articles: Article[] = [];

  for (const source of sources) {
    const fm = source.frontMatter;
    const error = (field: string, message: string) =>
      problems.push({ severity: 'error', file: source.file, field, line: source.lines(field.split('.')), message });
    let usable = true;

    const slug = fm.slug ?? slugify(source.fileSlug);
    const taken = bySlug.get(slug);
    if (taken) {
      error(fm.slug ? 'slug' : 'title', `địa chỉ ${routes.article(slug)} trùng với bài ${taken}; hãy đặt slug khác hoặc đổi tên tệp`);
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
    // Image problems were reported by the image pre-pass.
    const pictures = images.of(source.file);
    if (!usable || !category || !pictures) continue;

    const tokens = md.parse(source.body, {});
    const updated = modified ?? published;
    const lead = fm.image && { ...fm.image, processed: pictures.get(fm.image.src)! };
    const shown = [...new Set(pictures.values())];
    const share = lead?.processed ?? shown[0];
    const env: MarkdownEnv = { images: pictures };
    articles.push({
      file: source.file,
      slug,
      url: routes.article(slug),
      title: fm.title,
      author: fm.author,
      category,
      tags: [...new Map(fm.tags.map((name) => [slugify(name), tags.get(slugify(name))!])).values()],
      summary: fm.summary ?? firstParagraph(tokens),
      html: md.renderer.render(tokens, md.options, env),
      image: lead,
      images: shown,
      shareImage: share && { ...share.openGraph, alt: lead?.alt ?? bodyImageAlt(tokens) ?? fm.title },
      published,
      updated,
      draft: fm.draft,
      aliases: fm.aliases,
      publishedText: vietnamDate(published),
      updatedText: vietnamDateTime(updated),
      publishedIso: isoWithOffset(published),
      updatedIso: isoWithOffset(updated),
    });
  }
  return articles;
}
