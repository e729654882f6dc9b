import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * What `npm run <script>` passes to `node` (package.json's "node …" command), so tests and benchmarks
 * run exactly what editors run.
 */
export function nodeArgsOf(script: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [command, ...args] = scripts[script].split(' ');
  if (command !== 'node') throw new Error(`npm run ${script} does not run node: ${scripts[script]}`);
  return args;
}

/** `npm run build`: scripts/build.ts, bundled (scripts/bundled.js). */
export const NPM_RUN_BUILD = nodeArgsOf('build');
