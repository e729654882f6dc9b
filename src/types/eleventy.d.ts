declare module '@11ty/eleventy' {
  export const HtmlBasePlugin: unknown;
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        configPath?: string;
        quietMode?: boolean;
        runMode?: string;
        pathPrefix?: string;
        /** Called with the configuration API before the config file (if any) is read. */
        config?: (eleventyConfig: import('../eleventy/index.ts').EleventyConfig) => void | Promise<void>;
      },
    );
    write(): Promise<unknown>;
    /** Where Eleventy reports a failed build before rejecting. */
    errorHandler: { logger: { message(...args: unknown[]): void; isVerbose: boolean } };
  }
}
