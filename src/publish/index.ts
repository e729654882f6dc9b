import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { configurePortal, type EleventyConfig } from '../eleventy/index.ts';
import { imageProcessor, type ImageStats } from '../images/index.ts';
import { loadSite, publishedPageUrls } from '../pages/index.ts';
import { formatPublishedList, publishedList, publishedListFile, readPublishedList } from '../portal/index.ts';
import type { Problem } from '../problems/index.ts';
import { reservedFolders } from '../routes/index.ts';
import { SEARCH_BUNDLE_DIR, shardEntryFile, shardFolder, WORDS_DIR, type SearchIndexResult } from '../search/index.ts';
import { buildSettings, type BuildSettings } from '../settings/index.ts';
import {
  describeOutput,
  describeWritten,
  digestSources,
  hashSources,
  MANIFEST_FILE,
  readBuildManifest,
  recordedRoots,
  sourceRoots,
  writeBuildManifest,
  type OutputFile,
  type WrittenPage,
} from './manifest.ts';
import { articleFiles, articlesDir, ReadingCache, siteFile, SourceFiles } from '../content/index.ts';
import {
  codeDigest,
  outputFile,
  readPageFingerprints,
  keepPreviousFiles,
  reuseUnchangedFiles,
  savePageFingerprints,
  writtenFiles,
  type RenderPlan,
} from '../incremental/index.ts';
import { acquireBuildLock } from './lock.ts';
import {
  asOutputError,
  hasPublishedSite,
  keepAsSpare,
  recoverInterruptedSwap,
  spareDir,
  stagingDir,
  trashLeftStaging,
} from './output.ts';

export {
  describeOutput,
  digestSources,
  hashSources,
  MANIFEST_FILE,
  readBuildManifest,
  type BuildManifest,
  type OutputFile,
} from './manifest.ts';
export { listFiles } from '../incremental/index.ts';
export { acquireBuildLock, BuildLockedError } from './lock.ts';
export { OutputError, hasPublishedSite, spareDir, stagingDir, trashLeftStaging } from './output.ts';

/** The size of a file, or -1 when there is none. */
const statSize = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? -1;

/** Cached photos no build has used for this long are deleted. */
const IMAGE_CACHE_DAYS = 30;
/** What the last build read of the content (front matters, bodies' facts), in the page cache folder (src/content/cache.ts). */
const READINGS_FILE = 'readings.bin';
/** The reading cache as JSON, before V8's serialization: 20 MB a CI cache would otherwise keep for good. */
const OLD_READINGS_FILE = 'readings.json';
/** Articles from which a second thread reading them pays for its start (0.4 s). */
const READ_AHEAD_FROM = 1000;
/** The output's folders the build fills with files of its own, not pages: listed once it is done (writtenFiles). */
const FILLED_FOLDERS = reservedFolders.map((folder) => folder.slice(1, -1));

export interface BuildResult {
  outputDir: string;
  warnings: Problem[];
  /** Photos this build encoded, and those it took from the cache unchanged. */
  images: ImageStats;
  /** What the search index holds (Pagefind, in <output>/pagefind/). */
  search: SearchIndexResult;
  /** Pages kept from the previous build, untouched by the edits since (src/incremental); 0 in a full build. */
  keptPages: number;
  /** Milliseconds each stage took; render and index overlap. */
  stages: BuildStages;
}

export interface BuildStages {
  /** Reading and checking the content, photos included. */
  content: number;
  /** Eleventy writing the pages (and their hashes for the manifest). */
  render: number;
  /** Pagefind indexing, while Eleventy renders. */
  index: number;
  /** Published list, manifest, and the swap into place. */
  publish: number;
  total: number;
}

/**
 * Builds the whole portal into a fresh folder next to the output and swaps it
 * in only when every stage succeeded, so a failed build leaves the published
 * site exactly as it was.
 */
export async function buildSite(
  settings: BuildSettings = buildSettings(),
  /** Told what the build repaired before it started (a killed build's lock or swap), as it happens. */
  notify: (message: string) => void = () => {},
): Promise<BuildResult> {
  const outputDir = path.resolve(settings.outputDir);
  let lock: ReturnType<typeof acquireBuildLock>;
  try {
    mkdirSync(path.dirname(outputDir), { recursive: true });
    lock = acquireBuildLock(outputDir);
  } catch (error) {
    throw asOutputError(error, outputDir) ?? error;
  }
  try {
    if (lock.cleared)
      notify(
        `Đã gỡ khóa của một lần dựng bị dừng giữa chừng (tiến trình ${lock.cleared.pid}, bắt đầu lúc ${lock.cleared.started}).`,
      );
    if (recoverInterruptedSwap(outputDir))
      notify(`Lần dựng trước bị dừng giữa lúc thay trang; đã khôi phục trang đã xuất bản vào ${outputDir}.`);
    return await buildLocked(settings, outputDir);
  } catch (error) {
    throw asOutputError(error, outputDir) ?? error;
  } finally {
    lock.release();
  }
}

/** The files an incremental build keeps from the previous output: its kept pages, and every file of its kept search shards. */
function keptFiles(previousFiles: Record<string, OutputFile>, plan: RenderPlan): string[] {
  const shardFiles = [...plan.keptShards].flatMap((name) =>
    Object.keys(previousFiles).filter((file) => file.startsWith(`${shardFolder(name)}/`)),
  );
  return [...plan.kept.map(outputFile), ...shardFiles];
}

async function buildLocked(settings: BuildSettings, outputDir: string): Promise<BuildResult> {
  const started = performance.now();
  const since = (from: number) => Math.round(performance.now() - from);
  // Sources are hashed before they are read, so an edit made during the build makes the output stale, never silently
  // newer; the Markdown files are then parsed from the bytes hashed (each read once).
  const roots = recordedRoots(sourceRoots(settings.contentDir), process.cwd());
  // The front matters and bodies the last build read, unless this one must do everything from scratch.
  const [readingsFile, codeVersion] = [path.join(settings.pageCacheDir, READINGS_FILE), codeDigest()];
  const readings = settings.fullBuild ? new ReadingCache() : ReadingCache.load(readingsFile, codeVersion);
  // Many articles are read on two threads, hashed as they are read: parsed there too with nothing read before,
  // else only hashed (the readings of all but the edited ones are in the cache, found by their hash).
  const articles = articleFiles(articlesDir(settings.contentDir));
  const sourceFiles = new SourceFiles(
    articles.length >= READ_AHEAD_FROM
      ? { files: articles, siteFile: readings.isEmpty ? siteFile(settings.contentDir) : undefined }
      : undefined,
  );
  const sourceHashes = hashSources(roots, process.cwd(), sourceFiles);
  // Checks first (the same as `npm run check`): a broken article or photo stops the build before any page is written.
  // The photos are processed here; Eleventy's pass shares the cache and finds them done.
  const images = imageProcessor(settings.imageCacheDir);
  const before = { ...images.stats };
  const previousList = readPublishedList(publishedListFile(outputDir));
  // An incremental build: the pages an edit doesn't touch are the previous build's files (src/incremental).
  const previousBuild = settings.fullBuild ? undefined : readBuildManifest(outputDir);
  const staging = stagingDir(outputDir);
  trashLeftStaging(outputDir);
  // It starts from the site the previous build replaced, when there is one (its folders and most files are
  // there), else its folders are made; on a worker thread, while the content is read and checked.
  const fromSpare = Boolean(previousBuild && hasPublishedSite(spareDir(outputDir)));
  if (fromSpare) renameSync(spareDir(outputDir), staging);
  const keeping =
    previousBuild &&
    keepPreviousFiles(
      outputDir,
      previousBuild.files,
      staging,
      // The word table is written while the plan is made: none of the spare's may be left there.
      { aside: SEARCH_BUNDLE_DIR, rewrittenAside: [`${SEARCH_BUNDLE_DIR}/${WORDS_DIR}`] },
      fromSpare ? MANIFEST_FILE : undefined,
    );
  let content: Awaited<ReturnType<typeof loadSite>>;
  try {
    content = await loadSite({
      contentDir: settings.contentDir,
      now: settings.now,
      showDrafts: settings.showDrafts,
      previous: previousList,
      images,
      readings,
      files: sourceFiles,
    });
    // Nothing may be written into the staging folder before the spare's files the build can't keep are out of it.
    await keeping?.ready;
  } catch (error) {
    await keeping?.stop();
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    sourceFiles.release();
  }
  const { portal, problems, site } = content;
  const sourcesDigest = digestSources({ ...sourceHashes, ...sourceFiles.digests() });

  const contentMs = since(started);
  const stored = previousBuild && readPageFingerprints(settings.pageCacheDir, outputDir, path.join(outputDir, MANIFEST_FILE));
  const isPrevious = (file: string) => previousBuild?.files[file]?.size === statSize(path.join(outputDir, file));
  const previousPages = stored && {
    ...stored,
    hasFile: (url: string) => isPrevious(outputFile(url)),
    hasShard: (name: string) => isPrevious(shardEntryFile(name)),
    searchDir: path.join(outputDir, SEARCH_BUNDLE_DIR),
  };
  let plan: RenderPlan | undefined;
  const previous = `${outputDir}.old`;
  // Listened for until the build is over: Eleventy's other failed copies settle after write() does.
  const stray: unknown[] = [];
  const collect = (reason: unknown) => stray.push(reason);
  let search: SearchIndexResult;
  let [renderMs, indexMs, publishStarted] = [0, 0, 0];
  let kept: Promise<Record<string, OutputFile>> | undefined;
  try {
    // The checked content and the settings go to Eleventy directly; it indexes for search while it renders.
    const renderStarted = performance.now();
    let indexing: Promise<SearchIndexResult> | undefined;
    const written: Record<string, OutputFile> = {};
    const eleventy = new Eleventy(settings.contentDir, staging, {
      configPath: '', // the settings come from here, not from .eleventy.ts (npm start)
      pathPrefix: settings.pathPrefix,
      quietMode: true,
      config: (config: EleventyConfig) => {
        configurePortal(config, {
          settings: { ...settings, outputDir: staging },
          content,
          previousPages,
          onPageWritten: (outputPath, bytes) => describeWritten(staging, [{ outputPath, content: bytes }], written),
          onPlan: (made) => {
            plan = made;
            if (!previousBuild || !keeping) return;
            // The kept files are hard-linked in while Eleventy renders (tens of thousands at 20,000 articles),
            // once no other file is left where a page will be written.
            const rewritten = Object.keys(made.shardFingerprints)
              .filter((name) => !made.keptShards.has(name))
              .map(shardFolder);
            const linking = keeping.link(previousPages ? keptFiles(previousBuild.files, made) : [], rewritten);
            kept = linking.kept;
            kept.catch(() => {}); // awaited below, or before the staging folder is removed
            return linking.cleared;
          },
          onIndexing: (started) => {
            indexing = started.finally(() => (indexMs = since(renderStarted)));
            indexing.catch(() => {}); // settled below, after rendering
          },
        });
        // Every page is written: hashed for the manifest from the text Eleventy (and the portal) wrote, while Pagefind may still be indexing.
        config.on('eleventy.after', async ({ results }: { results: WrittenPage[] }) => {
          describeWritten(staging, results, written);
          renderMs = since(renderStarted);
          // Once the plugin's hook (called next) has started the second lane and waits for Pagefind: write()
          // settles only after it. The readings hold for any build of this code; one not saved is read again.
          await Promise.resolve();
          try {
            readings.save(readingsFile, codeVersion);
            rmSync(path.join(settings.pageCacheDir, OLD_READINGS_FILE), { force: true });
          } catch {
            // A cache: a full disk or a folder refused is the output's problem, reported when it is written.
          }
        });
      },
    });
    // Eleventy prints its own English report of a failure; the build reports it (in Vietnamese when it is a known cause).
    eleventy.errorHandler.logger = { message: () => {}, isVerbose: false };
    // Eleventy rejects write() with its first failed copy and leaves the others unhandled, which would
    // crash the process with Eleventy's English trace (a full disk fails every copy): they are this build's failure too.
    process.on('unhandledRejection', collect);
    const rendering = eleventy
      .write()
      .then(() => {
        if (stray.length) throw stray[0];
      })
      .finally(() => (renderMs ||= since(renderStarted)));
    const [rendered] = await Promise.allSettled([rendering]);
    // Eleventy's after-hook waits for the index; a failed render may leave it running (or never start it).
    const [indexed] = await Promise.allSettled([indexing ?? Promise.reject(rendered.status === 'rejected' && rendered.reason)]);
    publishStarted = performance.now();
    // A failed index makes the render fail too (in its hook): its own error says more.
    // ...unless the disk refused the pages: that is what the editor must fix (a full disk fails Pagefind too).
    if (rendered.status === 'rejected' && asOutputError(rendered.reason, outputDir)) throw rendered.reason;
    if (indexing && indexed.status === 'rejected') throw indexed.reason;
    if (rendered.status === 'rejected') throw rendered.reason;
    if (indexed.status === 'rejected') throw indexed.reason;
    search = indexed.value;
    writeFileSync(
      publishedListFile(staging),
      formatPublishedList(publishedList(portal, publishedPageUrls(portal), settings.contentDir, previousList?.list)),
    );
    // Every file's size and sha256: the unchanged ones are the previous build's files (incremental), or read back (the pages written are hashed already).
    const made = writtenFiles(staging, written, FILLED_FOLDERS);
    const files =
      kept && previousBuild
        ? reuseUnchangedFiles(outputDir, previousBuild.files, staging, await kept, { made, written })
        : describeOutput(staging, written, made);
    await keeping?.finish(files);
    // Last: the manifest marks a complete build (the deploy refuses an output without one).
    writeBuildManifest(
      staging,
      { clock: settings.clock, showDrafts: settings.showDrafts, baseUrl: site.baseUrl, sourceRoots: roots, sourcesDigest },
      files,
    );
  } catch (error) {
    await Promise.allSettled([kept, keeping?.stop()]);
    rmSync(staging, { recursive: true, force: true });
    // Give the copies still failing a moment to settle while they are listened for.
    await new Promise((resolve) => setTimeout(resolve, 100));
    throw error;
  } finally {
    process.off('unhandledRejection', collect);
  }
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outputDir)) renameSync(outputDir, previous);
  renameSync(staging, outputDir);
  keepAsSpare(outputDir, previous);
  if (plan)
    savePageFingerprints(settings.pageCacheDir, outputDir, path.join(outputDir, MANIFEST_FILE), {
      fingerprints: plan.fingerprints,
      shards: plan.shardFingerprints,
    });
  images.cache.prune(IMAGE_CACHE_DAYS);
  return {
    outputDir,
    warnings: problems,
    images: { encoded: images.stats.encoded - before.encoded, reused: images.stats.reused - before.reused },
    search,
    stages: {
      content: contentMs,
      render: renderMs,
      index: indexMs,
      publish: since(publishStarted),
      total: since(started),
    },
    keptPages: plan?.kept.length ?? 0,
  };
}
