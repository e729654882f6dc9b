/** The part of Eleventy's configuration API this project uses (Eleventy ships no types). */
export interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (...args: any[]) => unknown): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addWatchTarget(path: string): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  setQuietMode(quiet: boolean): void;
  setServerOptions(options: Record<string, unknown>): void;
  on(event: string, callback: (...args: any[]) => unknown): void;
  ignores: { add(glob: string): void };
  pathPrefix?: string;
}

/** Eleventy's data for a page, as far as the page definitions use it. */
export type PageData = Record<string, any>;
