import path from 'node:path';
import { DateTime } from 'luxon';
import {
  articlesDir,
  bodyFacts,
  DOCUMENTS_FOLDER,
  PAGES_FOLDER,
  buildArticles,
  imagePath,
  imageReferences,
  processArticleImages,
  readArticles,
  readMarkdownFiles,
  siteFile,
  SourceFiles,
  type ReadingCache,
  type MarkdownSource,
} from '../content/index.ts';
import { ATTACHMENTS_FOLDER, isAttachmentLink, prepareAttachments, type AttachmentUse } from '../attachments/index.ts';
import { buildDocuments, documentContract, documentFileUses, type DocumentSource } from '../documents/index.ts';
import { createMarkdown } from '../markdown/index.ts';
import {
  buildStaticPages,
  checkMenuUrls,
  checkPageUrls,
  pageContract,
  pageTree,
  resolveNavigation,
} from '../static-pages/index.ts';
import type MarkdownIt from 'markdown-it';
import { vietnamDateTime } from '../dates/index.ts';
import { imageProcessor, type ImageProcessor } from '../images/index.ts';
import { BODY_FIELD, ContentError, type Problem } from '../problems/index.ts';
import { loadSiteSettings, missingLegalNotice, siteLines, type SiteSettings } from '../site/index.ts';
import { checkAliases } from './aliases.ts';
import { checkFeatured } from './featured.ts';
import { Portal, isPublished, type PageUrls } from './portal.ts';
import { disappearedUrls, type PreviousBuild } from './published.ts';
import { checkReferences } from './references.ts';

export interface LoadOptions {
  contentDir: string;
  /** The site's URLs for a portal: `pageUrls` of src/pages. */
  pageUrls: PageUrls;
  /** The build's clock: articles dated later are scheduled, not published. */
  now?: DateTime;
  /** Preview drafts and scheduled articles (npm start). */
  showDrafts?: boolean;
  /** What the last build published: URLs it had that are now gone get a warning. */
  previous?: PreviousBuild;
  /** Encodes the articles' photos; by default the one for `.cache/images`. */
  images?: ImageProcessor;
  /** Front matters and bodies read before (npm start's last rebuild, npm run build's last build): not parsed again. */
  readings?: ReadingCache;
  /** The Markdown files as the build hashed them (src/publish): parsed from those bytes rather than read again. */
  files?: SourceFiles;
}

export interface LoadedContent {
  site: SiteSettings;
  portal: Portal;
  problems: Problem[];
}

/** Every check's result; `site` and `portal` are missing when the settings can't be read. */
export interface Inspection {
  site?: SiteSettings;
  portal?: Portal;
  /** Errors and warnings, ordered by file and line. */
  problems: Problem[];
}

/** Every file named for download: links in Markdown bodies, and documents' `tep:`. */
function attachmentUses(sources: MarkdownSource<unknown>[], documents: DocumentSource[], md: MarkdownIt): AttachmentUse[] {
  const links = sources.flatMap((source) =>
    bodyFacts(md, source)
      .references.filter((ref) => ref.kind === 'link' && isAttachmentLink(ref.href))
      .map((ref) => ({ file: source.file, href: ref.href, line: ref.line + source.bodyLine - 1, field: BODY_FIELD })),
  );
  return [...documents.flatMap(documentFileUses), ...links];
}

function byFileAndLine(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0);
}

/**
 * Runs every check on the content (what `npm run check` prints and every
 * build runs first) and computes the portal; never throws for the editors' mistakes.
 */
export async function inspectContent({
  contentDir,
  pageUrls,
  now = DateTime.now(),
  showDrafts = false,
  previous,
  images = imageProcessor('.cache/images'),
  readings,
  files = new SourceFiles(),
}: LoadOptions): Promise<Inspection> {
  const problems: Problem[] = [];
  let site: SiteSettings | undefined;
  try {
    site = loadSiteSettings(siteFile(contentDir));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
  }
  const sources = readArticles(articlesDir(contentDir), problems, readings, files);
  const pagesDir = path.join(contentDir, PAGES_FOLDER);
  const pageSources = readMarkdownFiles(pagesDir, pageContract, problems, readings, files);
  const documentSources = readMarkdownFiles(path.join(contentDir, DOCUMENTS_FOLDER), documentContract, problems, readings, files);
  if (!site) return { problems: problems.sort(byFileAndLine) };
  problems.push(...missingLegalNotice(site, siteFile(contentDir)));

  const md = createMarkdown({ allowHtml: site.allowHtml });
  // Markdown images render as <picture> and attached files as links with their size, so both are prepared before anything is rendered.
  const illustrated = [...sources, ...pageSources, ...documentSources];
  const pictures = await processArticleImages(illustrated, md, contentDir, images, problems);
  const attachments = await prepareAttachments(
    contentDir,
    site.attachments,
    attachmentUses(illustrated, documentSources, md),
    problems,
    {
      folders: ['articles', PAGES_FOLDER, DOCUMENTS_FOLDER, ATTACHMENTS_FOLDER],
      imageFiles: new Set(
        illustrated.flatMap((source) =>
          imageReferences(source, bodyFacts(md, source).references).map((ref) => imagePath(contentDir, source.file, ref.src)),
        ),
      ),
    },
  );
  const checked = buildArticles(sources, site, md, pictures, attachments, problems);
  const checkedPages = buildStaticPages(pageSources, pagesDir, { md, images: pictures, attachments, now }, problems);
  const checkedDocuments = buildDocuments(documentSources, site, { md, images: pictures, attachments }, problems);
  const built = <T>(entries: { article?: T }[]) => entries.flatMap(({ article }) => (article ? [article] : []));
  const articles = built(checked);
  const allPages = built(checkedPages);
  const allDocuments = built(checkedDocuments);
  const shown = <T extends { draft: boolean; published: DateTime; scheduledFor?: string }>(items: T[]) => {
    const visible = items.filter((item) => isPublished(item, now, showDrafts));
    for (const item of visible) if (item.published > now) item.scheduledFor = vietnamDateTime(item.published);
    return visible;
  };
  const visible = shown(articles);
  const staticPages = pageTree(checkedPages, shown(allPages), problems);
  const documents = shown(allDocuments);
  const lines = siteLines(siteFile(contentDir));
  const navigation = resolveNavigation(
    site,
    siteFile(contentDir),
    lines,
    { all: new Set(checkedPages.map((entry) => entry.path)), visible: staticPages },
    problems,
  );
  const published = [...visible, ...staticPages, ...documents].map((item) => item.file);
  const portal = new Portal(site, visible, { staticPages, documents, navigation, attachments: attachments.of(published) }, now);
  // Only its URLs are used (links from drafts), so the pages keep the published tree.
  const everything = () =>
    new Portal(site, articles, {
      staticPages: allPages,
      documents: allDocuments,
      navigation,
      attachments: [],
    });

  const linking = [
    ...checked,
    ...checkedPages.map((entry) => ({ ...entry, kind: 'trang' })),
    ...checkedDocuments.map((entry) => ({ ...entry, kind: 'văn bản' })),
  ];
  const owners = new Map([
    ...checked.map((entry) => [entry.url, `bài ${entry.source.file}`] as const),
    ...checkedDocuments.map((entry) => [entry.url, `văn bản ${entry.source.file}`] as const),
  ]);
  checkPageUrls(checkedPages, owners, new Set(pageUrls(portal, ['static-page'])), problems);
  checkAliases(linking, portal, pageUrls, problems);
  checkFeatured(checked, portal, now, problems);
  checkMenuUrls(site, siteFile(contentDir), lines, new Set(pageUrls(portal)), problems);
  checkReferences(linking, { portal, everything, pageUrls, baseUrl: site.baseUrl, now }, problems);
  // Compared as the published list records them: without the host files (publishedPageUrls of src/pages).
  if (previous)
    problems.push(...disappearedUrls(previous, pageUrls(portal, ['redirects-file', 'headers']), portal, checked, contentDir));
  return { site, portal, problems: problems.sort(byFileAndLine) };
}

/**
 * Reads the site settings and every article, checks them, processes their
 * photos and computes the portal. Throws a ContentError listing every problem when anything can't be published.
 */
export async function loadContent(options: LoadOptions): Promise<LoadedContent> {
  const { site, portal, problems } = await inspectContent(options);
  if (!site || !portal || problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  return { site, portal, problems };
}
