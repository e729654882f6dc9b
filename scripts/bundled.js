// node scripts/bundled.js <script> [args]: runs scripts/<script>.ts bundled into one file by esbuild, on plain
// Node. Run through tsx instead, every module Node loads, Eleventy's hundreds included, passes through tsx's
// loader hooks on a thread of their own: about 0.85 s more for each build. Plain JavaScript, as it runs
// before anything could load TypeScript.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT_DIR = path.join(ROOT, '.cache', 'scripts');

/**
 * @typedef {{ root: string, files: Record<string, [size: number, mtimeMs: number]> }} Stamp the files a bundle
 * was made of, as they were, and the project's folder: the bundle holds its absolute paths (own-files), which a
 * project moved or copied with its times kept would otherwise still use.
 */

/** What makes every bundle besides the script's own modules. */
const TOOLING = ['scripts/bundled.js', 'package-lock.json'];

/** The size and time of change of a file of the project, as the stamp keeps them. */
function stat(/** @type {string} */ relative) {
  const { size, mtimeMs } = statSync(path.join(ROOT, relative));
  return /** @type {[number, number]} */ ([size, mtimeMs]);
}

/** Whether none of the files the last bundle was made of changed since (a stat each, not esbuild's 0.3 s). */
function upToDate(/** @type {string} */ stampFile) {
  try {
    const /** @type {Stamp} */ stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return stamp.root === ROOT && Object.entries(stamp.files).every(([file, was]) => stat(file).join() === was.join());
  } catch {
    return false;
  }
}

/** Written whole, then renamed: two builds at once (an editor's and a scheduled one) read complete files. */
function writeWhole(/** @type {string} */ file, /** @type {string | Uint8Array} */ data) {
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}

async function bundle(/** @type {string} */ script, /** @type {string} */ stampFile) {
  const { build } = await import('esbuild');
  /** @type {Stamp['files']} */
  const inputs = Object.fromEntries(TOOLING.map((file) => [file, stat(file)]));
  /**
   * Each module keeps its own import.meta: the code finds its files (the CMS's sources, worker threads, the
   * project's root) beside its source, not beside the bundle. The stamp takes each file's stat before it
   * is read, so a file saved meanwhile is bundled again next time.
   */
  const ownFiles = {
    name: 'own-files',
    setup(/** @type {import('esbuild').PluginBuild} */ plugin) {
      // The project's JavaScript too (src/content/read-ahead-claims.js): node_modules stay external.
      plugin.onLoad({ filter: /\.[jt]s$/ }, (args) => {
        inputs[path.relative(ROOT, args.path)] = stat(path.relative(ROOT, args.path));
        const meta = { url: pathToFileURL(args.path).href, dirname: path.dirname(args.path), filename: args.path };
        const contents = readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key) =>
          JSON.stringify(meta[/** @type {keyof typeof meta} */ (key)]),
        );
        return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
      });
    },
  };
  const result = await build({
    entryPoints: [path.join(ROOT, 'scripts', `${script}.ts`)],
    outfile: path.join(OUT_DIR, `${script}.mjs`),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // node_modules stay where they are: Node loads them as before, as plain JavaScript.
    packages: 'external',
    // Error stacks name the TypeScript files and lines, as under tsx.
    sourcemap: 'linked',
    write: false,
    logLevel: 'error',
    plugins: [ownFiles],
  }).catch(() => process.exit(1));
  mkdirSync(OUT_DIR, { recursive: true });
  // The map before the code, and the stamp last: a bundle is used only once it is whole.
  for (const output of [...result.outputFiles].sort((a, b) => b.path.length - a.path.length))
    writeWhole(output.path, output.contents);
  writeWhole(stampFile, JSON.stringify(/** @type {Stamp} */ ({ root: ROOT, files: inputs })));
}

const [script, ...args] = process.argv.slice(2);
if (!script || !existsSync(path.join(ROOT, 'scripts', `${script}.ts`))) {
  console.error('Cách dùng: node scripts/bundled.js <tên tệp trong scripts/, không có .ts> [tham số]');
  process.exit(2);
}
const stampFile = path.join(OUT_DIR, `${script}.json`);
if (!upToDate(stampFile)) await bundle(script, stampFile);
process.setSourceMapsEnabled(true);
// Eleventy's ESM cache buster, a loader hook every later import goes through (on a thread of its own on
// Node 20), serves --watch only, which no bundled script uses: without it, Eleventy loads 0.1 s sooner.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';
process.argv = [process.argv[0], path.join(ROOT, 'scripts', `${script}.ts`), ...args];
await import(pathToFileURL(path.join(OUT_DIR, `${script}.mjs`)).href);
