import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every article file the project has: the sample content and every fixture. */
export const samples = ['content/articles', 'tests/fixtures']
  .flatMap((dir) => (readdirSync(dir, { recursive: true }) as string[]).map((name) => path.join(dir, name)))
  .filter((file) => file.endsWith('.md'))
  .sort();
