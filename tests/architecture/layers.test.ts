import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/build.ts';

/**
 * The layers of src/, lowest first (docs/architecture.md): a folder may import
 * its own layer or a lower one, never a higher one.
 */
const LAYERS: string[][] = [
  ['problems', 'i18n', 'dates', 'slugs', 'routes', 'site', 'images', 'markdown', 'assets', 'attachments', 'pagination'],
  ['content', 'static-pages', 'documents'],
  ['portal'],
  ['pages'],
  ['search', 'security', 'settings', 'eleventy', 'publish', 'incremental', 'deploy', 'authoring', 'docs', 'types', 'cms'],
];
const layerOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));

interface Import {
  file: string;
  target: string;
}

/** Every relative import of the TypeScript files under `dir` (static, dynamic and `import type`), resolved. */
function imports(dir: string): Import[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => {
      const file = path.join(dir, name);
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => ({
        file,
        target: path.normalize(path.join(path.dirname(file), match[1])),
      }));
    });
}

const folderOf = (file: string) => (file.startsWith(`src${path.sep}`) ? file.split(path.sep)[1] : undefined);

/**
 * The web editor's browser bundle (src/cms/admin.ts) reads the schemas themselves: the
 * barrels of content/ and site/ also load Node's fs and sharp, which a browser can't.
 * The schemas of static pages and documents are in the bundle too, so they reach
 * content/schema.ts directly as well.
 */
const BROWSER_SAFE = [
  'src/content/schema.ts',
  'src/content/front-matter.ts',
  'src/site/schema.ts',
  'src/static-pages/schema.ts',
  'src/documents/schema.ts',
].map(path.normalize);

test('every folder of src/ is used through its index.ts', () => {
  const reaching = [...imports('src'), ...imports('scripts'), ...imports('tests')].filter(({ file, target }) => {
    const folder = folderOf(target);
    if ((folderOf(file) === 'cms' || BROWSER_SAFE.includes(file)) && BROWSER_SAFE.includes(target)) return false;
    return folder && folder !== folderOf(file) && path.basename(target) !== 'index.ts';
  });
  assert.deepEqual(
    reaching.map(({ file, target }) => `${file} → ${target}`),
    [],
  );
});

test('src/ folders import only their own layer or lower ones, and never in a circle', () => {
  const edges = new Map<string, Set<string>>();
  const upward: string[] = [];
  for (const { file, target } of imports('src')) {
    const [from, to] = [folderOf(file)!, folderOf(target)];
    if (!to || from === to) continue;
    assert.notEqual(layerOf(from), -1, `src/${from} is missing from LAYERS`);
    if (layerOf(to) > layerOf(from)) upward.push(`${file} → ${target}`);
    edges.set(from, (edges.get(from) ?? new Set()).add(to));
  }
  assert.deepEqual(upward, [], 'imports that point up the layers');

  // Depth-first search for a folder reached again while it is still being visited.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (folder: string, trail: string[]): string[] | undefined => {
    if (state.get(folder) === 'visiting') return [...trail.slice(trail.indexOf(folder)), folder];
    if (state.get(folder) === 'done') return undefined;
    state.set(folder, 'visiting');
    for (const next of edges.get(folder) ?? []) {
      const cycle = visit(next, [...trail, folder]);
      if (cycle) return cycle;
    }
    state.set(folder, 'done');
    return undefined;
  };
  for (const folder of edges.keys()) {
    const cycle = visit(folder, []);
    assert.equal(cycle, undefined, `folders import each other: ${cycle?.join(' → ')}`);
  }
});
