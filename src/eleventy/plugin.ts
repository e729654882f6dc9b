import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { assetCopies, fingerprintAssets } from '../assets/index.ts';
import { ContentError, formatProblem } from '../problems/index.ts';
import { articleImageFiles, imageProcessor, publishImages } from '../images/index.ts';
import { inspectSite, loadSite, pageTypes, pageUrls, searchablePages } from '../pages/index.ts';
import type { LoadedContent } from '../portal/index.ts';
import { adminBackend, publishAdmin } from '../cms/index.ts';
import { indexShards, searchShards, shardEntryFile, type SearchIndexing, type SearchIndexResult } from '../search/index.ts';
import {
  ArticleDigests,
  outputFile,
  planPages,
  planShards,
  siteDigest,
  type PreviousPages,
  type RenderPlan,
} from '../incremental/index.ts';
import { ATTACHMENTS_FOLDER, publishAttachments } from '../attachments/index.ts';
import { DOCUMENTS_FOLDER, ReadingCache, PAGES_FOLDER } from '../content/index.ts';
import type { BuildSettings } from '../settings/index.ts';
import type { EleventyConfig } from './config.ts';
import { pageData } from './pages.ts';
import { removalSignal, watchRemovals } from './removals.ts';
import { templateTables } from './templates.ts';
import { EarlyPages } from './early-pages.ts';
import { writeListPages } from './list-pages.ts';
import { PageRenderer } from './render.ts';

export interface PortalOptions {
  settings: BuildSettings;
  /**
   * The content, already read and checked (npm run build), for the first
   * build; without it, and on every rebuild when watching (npm start), the
   * content is read afresh.
   */
  content?: LoadedContent;
  /** Told each time the search index starts being built, while Eleventy renders. */
  onIndexing?: (indexing: Promise<SearchIndexResult>) => void;
  layoutsDir?: string;
  /** The stylesheets, scripts, fonts and images of the layouts. */
  assetsDir?: string;
  /**
   * npm run build: the pages of the build it replaces, whose files it keeps
   * when an edit doesn't touch them (src/incremental). Watching, the plugin
   * keeps its own last rebuild's.
   */
  previousPages?: PreviousPages;
  /** Told which pages this build renders and which it keeps, before Eleventy renders; rendering waits for what it returns. */
  onPlan?: (plan: RenderPlan) => void | Promise<void>;
  /** npm run build: told of each list page written outside Eleventy (its results don't have them). */
  onPageWritten?: (outputPath: string, bytes: Buffer) => void;
}

/** Wires the portal's content, pages, filters and assets into Eleventy. */
export function portalPlugin(config: EleventyConfig, options: PortalOptions): void {
  const { settings } = options;
  const layoutsDir = options.layoutsDir ?? 'layouts';
  // Loaded (photos processed) before each build, so edits show up when watching; Eleventy awaits it.
  let handedOver = options.content;
  let loaded: LoadedContent | undefined;
  let indexing: SearchIndexing | undefined;
  const content = (): LoadedContent => {
    if (!loaded) throw new Error('Nội dung chưa được nạp (eleventy.before chưa chạy)');
    return loaded;
  };
  // npm start: what a rebuild read stays read; only the edited files' front matter and body are parsed again.
  const readings = new ReadingCache();
  let previewStarted = 0;
  let previousPages = options.previousPages;
  let plan: RenderPlan | undefined;
  /** The list pages this build wrote without Eleventy (list-pages.ts), which Eleventy leaves out. */
  let writtenOutside = new Set<string>();
  // content/images/ included: a changed photo is processed again.
  const watchedContent = ['articles', PAGES_FOLDER, DOCUMENTS_FOLDER, ATTACHMENTS_FOLDER, '_data', 'images'].map((folder) =>
    path.join(settings.contentDir, folder),
  );
  const reading = {
    contentDir: settings.contentDir,
    showDrafts: settings.showDrafts,
    now: settings.now,
    images: imageProcessor(settings.imageCacheDir),
  };
  const assetsDir = options.assetsDir ?? 'assets';
  const assets = fingerprintAssets(assetsDir);
  const templates = templateTables(settings, assets);
  // npm start: a saved or deleted article's pages are written before Eleventy's rebuild (early-pages.ts).
  const early = new EarlyPages({ ...reading, layoutsDir, tables: templates, pathPrefix: settings.pathPrefix });
  let digest = '';
  /** Pages written early that the next rebuild renders (kept until a rebuild is over: a failed one renders nothing). */
  const rewrite = new Set<string>();
  const articlesDir = path.resolve(settings.contentDir, 'articles');
  const changedArticle = (file: string) => {
    const inArticles = path.relative(articlesDir, file);
    // Named as the content's reading names it, which the portal's articles keep.
    if (file.endsWith('.md') && !inArticles.startsWith('..'))
      early.changed(path.join(settings.contentDir, 'articles', inArticles));
  };
  // .eleventy.ts or its code changed: Eleventy sets up a new plugin, and this one's early pages stop.
  config.on('eleventy.reset', () => early.rebuilding());
  config.on('eleventy.before', async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    loaded = undefined;
    plan = undefined;
    previewStarted = performance.now();
    early.rebuilding();
    if (runMode !== 'build') watchRemovals(watchedContent, changedArticle);
    const load = { ...reading, readings };
    if (handedOver || runMode === 'build') loaded = handedOver ?? (await loadSite(load));
    else {
      // npm start goes on past the editors' mistakes: articles with errors are left out, and the errors
      // shown on every page. Only settings it can't read stop the preview.
      const { site, portal, problems } = await inspectSite(load);
      if (!site || !portal) {
        console.error(new ContentError(problems).message);
        throw new Error('Không đọc được cài đặt trong site.yaml; bản xem trước dừng cho tới khi sửa xong các lỗi trên.');
      }
      loaded = { site, portal, problems };
    }
    handedOver = undefined;
    const shown = {
      site: loaded.site,
      menus: loaded.portal.navigation,
      settings: [settings.pathPrefix, settings.showDrafts, settings.forceRedirects],
      problems: runMode === 'build' ? [] : loaded.problems.map(formatProblem),
    };
    const shards = searchShards(searchablePages(loaded.portal), settings.searchShardPages);
    digest = siteDigest({ layoutsDir, assetsDir, shown });
    // The search index is made from the Portal, not from the pages, so Pagefind (its own process)
    // indexes on one core while the pages are planned and Eleventy renders on the other. The same hook serves
    // npm run build and npm start.
    const articles = new ArticleDigests(loaded.portal.articles);
    const index = planShards(shards, digest, previousPages, articles);
    const { keptShards } = index;
    const reindexed = keptShards.size
      ? new Set(shards.filter((shard) => !keptShards.has(shard.name)).map((s) => s.name))
      : undefined;
    indexing = indexShards(directories.output, shards, reindexed, previousPages?.searchDir);
    // Awaited in eleventy.after, or by whoever was told, when rendering fails.
    indexing.catch(() => {});
    options.onIndexing?.(indexing);
    // Pages written early (npm start) are rendered again from all the content: one may show a save newer or older than this read.
    for (const url of early.takeWritten()) rewrite.add(url);
    const last = previousPages;
    const previous = last && rewrite.size ? { ...last, hasFile: (url: string) => !rewrite.has(url) && last.hasFile(url) } : last;
    plan = planPages(loaded.portal, digest, previous, index, articles);
    await options.onPlan?.(plan);
    // npm start renders with Eleventy, which serves and reloads what it wrote; HtmlBasePlugin adds a path prefix.
    writtenOutside =
      runMode === 'build' && settings.pathPrefix === '/' && !settings.eleventyPages
        ? writeListPages(
            new PageRenderer(layoutsDir, templates),
            loaded,
            directories.output,
            plan.renders,
            options.onPageWritten ?? (() => {}),
          )
        : new Set();
  });
  config.on('eleventy.after', async ({ directories }: { directories: { output: string } }) => {
    // Eleventy has rendered: its core can index the shards Pagefind has not begun.
    indexing?.addLane();
    // Only the photos of published articles leave the cache: a draft's photo stays private.
    const { portal } = content();
    publishImages(directories.output, articleImageFiles([...portal.articles, ...portal.staticPages, ...portal.documents]));
    publishAttachments(directories.output, portal.attachments);
    await indexing;
  });
  // npm start: the next rebuild keeps what this one wrote; the pages that are gone leave the preview too.
  config.on('eleventy.after', ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode === 'build' || !plan) return;
    for (const url of plan.removed) rmSync(path.join(directories.output, outputFile(url)), { force: true });
    previousPages = {
      fingerprints: plan.fingerprints,
      hasFile: (url) => existsSync(path.join(directories.output, outputFile(url))),
      shards: plan.shardFingerprints,
      hasShard: (name) => existsSync(path.join(directories.output, shardEntryFile(name))),
    };
    // An early page at a URL this rebuild does not have (a slug or tag typed, then changed again) leaves too.
    const urls = new Set(pageUrls(content().portal));
    for (const url of rewrite) if (!urls.has(url)) rmSync(path.join(directories.output, outputFile(url)), { force: true });
    rewrite.clear();
    early.rebuilt({ content: content(), outputDir: directories.output, siteDigest: digest, fingerprints: plan.fingerprints });
  });
  // npm start: one short summary per rebuild, with the problems, instead of a line per file written.
  config.on('eleventy.after', ({ runMode }: { runMode: string }) => {
    if (runMode === 'build' || !loaded) return;
    const errors = loaded.problems.filter((p) => p.severity === 'error').length;
    for (const problem of loaded.problems) console.log(formatProblem(problem));
    const seconds = ((performance.now() - previewStarted) / 1000).toFixed(1);
    console.log(
      `[xem trước] Đã dựng lại ${loaded.portal.articles.length} bài trong ${seconds} giây: ` +
        `${errors} lỗi, ${loaded.problems.length - errors} cảnh báo${errors ? ' (lỗi cũng hiện ở đầu mỗi trang)' : ''}.`,
    );
  });

  for (const [name, value] of Object.entries(templates.data)) config.addGlobalData(name, () => value(content()));
  for (const [name, filter] of Object.entries(templates.filters(content))) config.addFilter(name, filter);
  for (const [name, value] of Object.entries(templates.globals)) config.addNunjucksGlobal(name, value);

  // npm run cms: the editor switches branches while it saves; a live reload would throw its page away.
  if (process.env.CMS_LOCAL_PROXY) config.setServerOptions({ liveReload: false });
  // The web editor at /quan-tri/ (src/cms), when the site names its repository or `npm run cms` runs.
  config.on('eleventy.after', ({ directories }: { directories: { output: string } }) => {
    const { site, portal } = content();
    const backend = adminBackend(site);
    if (!backend) return;
    publishAdmin(directories.output, {
      ...backend,
      site,
      // As the repository names it (its content/ folder), wherever this build reads it from.
      contentDir: path.relative(process.env.CMS_REPO_DIR ?? path.dirname(settings.contentDir), settings.contentDir),
      pathPrefix: settings.pathPrefix,
      stylesheet: assets.url('/assets/css/site.css'),
      published: portal,
      cacheDir: settings.pageCacheDir,
    });
  });

  const renders = (url: string) => !writtenOutside.has(url) && (plan?.renders(url) ?? true);
  // Each page type includes its markup rather than holding it: Eleventy compiles a template's own
  // text for every paginated page, while an include is compiled once and cached by Nunjucks.
  for (const type of pageTypes) {
    config.addTemplate(`portal/${type.name}.njk`, `{% include "pages/${type.template}" %}`, pageData(type, renders));
  }
  config.addWatchTarget(layoutsDir);
  for (const folder of ['articles', PAGES_FOLDER, DOCUMENTS_FOLDER, ATTACHMENTS_FOLDER]) config.ignores.add(`${folder}/**`);
  for (const folder of watchedContent) config.addWatchTarget(folder);
  config.addWatchTarget(removalSignal);

  // content/images/ is not copied: originals may carry GPS; readers get the processed files only.
  config.addPassthroughCopy(assetCopies(assetsDir, assets));
  const fonts = 'node_modules/@fontsource/be-vietnam-pro/files';
  for (const file of readdirSync(fonts).filter((f) => /-(latin|vietnamese)-(400|700)-normal\.woff2$/.test(f))) {
    config.addPassthroughCopy({ [path.join(fonts, file)]: `assets/fonts/${file}` });
  }
}
