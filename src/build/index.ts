import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { loadContent, type Problem } from '../content/index.ts';
import { indexArticles, type SearchIndexResult } from '../search/index.ts';
import { buildSettings, type BuildSettings } from './settings.ts';

export { buildSettings, type BuildSettings } from './settings.ts';

export interface BuildResult {
  outputDir: string;
  warnings: Problem[];
  /** What the search index holds (Pagefind, in <output>/pagefind/). */
  search: SearchIndexResult;
}

/**
 * Builds the whole portal into a fresh folder next to the output and swaps it
 * in only when every stage succeeded, so a failed build leaves the published
 * site exactly as it was.
 */
export async function buildSite(settings: BuildSettings = buildSettings()): Promise<BuildResult> {
  // Checks first: a broken article stops the build before anything is written.
  const { problems, portal } = loadContent({ contentDir: settings.contentDir, now: settings.now, showDrafts: settings.showDrafts });

  const outputDir = path.resolve(settings.outputDir);
  const staging = `${outputDir}.next`;
  const previous = `${outputDir}.old`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.dirname(outputDir), { recursive: true });
  let search: SearchIndexResult;
  try {
    process.env.PORTAL_OUTPUT = staging;
    const eleventy = new Eleventy(undefined, undefined, { configPath: '.eleventy.ts', quietMode: true });
    await eleventy.write();
    // The search index is part of the site: if it can't be built, nothing is published.
    search = await indexArticles(staging, portal.articles);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    process.env.PORTAL_OUTPUT = settings.outputDir;
  }
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outputDir)) renameSync(outputDir, previous);
  renameSync(staging, outputDir);
  rmSync(previous, { recursive: true, force: true });
  return { outputDir, warnings: problems, search };
}
