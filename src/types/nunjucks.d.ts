declare module 'nunjucks' {
  /** The part of Nunjucks the preview's early pages use (Eleventy renders the rest); Nunjucks ships no types. */
  export class FileSystemLoader {
    constructor(searchPaths: string | string[]);
  }
  export class Environment {
    constructor(loader: FileSystemLoader, options?: Record<string, unknown>);
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addGlobal(name: string, value: unknown): void;
    render(name: string, context: Record<string, unknown>): string;
  }
  const nunjucks: { Environment: typeof Environment; FileSystemLoader: typeof FileSystemLoader };
  export default nunjucks;
}
