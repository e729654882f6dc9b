// npm run bench:check [-- --articles 1000 --runs 3]
// Measures `npm run check` on a generated content set of N articles: the
// sample articles, and copies of their bodies with their own titles, tags,
// categories, an image, links to one another and an alias. Prints wall-clock figures (the
// whole process, Node's start-up included: what an editor waits for).
// BENCH_KEEP=1 keeps the generated folder (to time it by hand, e.g. with /usr/bin/time);
// BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" passes Node options to the check (profiling).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readArticles } from '../src/content/index.ts';
import { loadSiteSettings } from '../src/site/index.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } },
});
const count = Number(values.articles);
const runs = Number(values.runs);

const samples = readArticles('content/articles', []);
const site = loadSiteSettings('content/_data/site.yaml');
const images = samples.flatMap((s) => (s.frontMatter.image ? [s.frontMatter.image] : []));
const dir = mkdtempSync(path.join(tmpdir(), 'portal-bench-'));
cpSync('content/_data', path.join(dir, '_data'), { recursive: true });
cpSync('content/images', path.join(dir, 'images'), { recursive: true });
cpSync('content/articles', path.join(dir, 'articles'), { recursive: true });

for (let i = 0; i < count - samples.length; i++) {
  const sample = samples[i % samples.length];
  const year = 2010 + (i % 16);
  const date = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}T08:00:00+07:00`;
  const image = images[i % images.length];
  const tags = [...sample.frontMatter.tags, `Chủ đề ${i % 40}`];
  const links = [1, 7, 31].map((step) => `[bài liên quan](/tin-tuc/bai-${(i + step) % (count - samples.length)}/)`).join(', ');
  const text = [
    '---',
    `title: ${JSON.stringify(`${sample.frontMatter.title} (số ${i})`)}`,
    `date: "${date}"`,
    `author: ${JSON.stringify(sample.frontMatter.author)}`,
    `category: ${site.categories[i % site.categories.length].slug}`,
    `tags: ${JSON.stringify(tags)}`,
    `image: { src: "${image.src}", alt: ${JSON.stringify(image.alt)} }`,
    `aliases: ["/tin-cu/${i}.html"]`,
    '---',
    sample.body,
    `Xem thêm: ${links}.`,
    '',
    `![${image.alt}](${image.src})`,
    '',
  ].join('\n');
  mkdirSync(path.join(dir, 'articles', String(year)), { recursive: true });
  writeFileSync(path.join(dir, 'articles', String(year), `bai-${i}.md`), text);
}

const times: number[] = [];
let output = '';
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []), '--import', 'tsx', 'scripts/check.ts'],
    {
      encoding: 'utf8',
      env: { ...process.env, PORTAL_CONTENT: dir, PORTAL_OUTPUT: path.join(dir, '_site') },
    },
  );
  times.push((performance.now() - started) / 1000);
  output = result.stdout
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('Đã kiểm tra'))
    .join('\n');
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
}
if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
else console.log(`Giữ lại nội dung sinh ra ở ${dir}`);
times.sort((a, b) => a - b);
console.log(output);
console.log(
  `npm run check, ${count} bài viết, ${runs} lần: nhanh nhất ${times[0].toFixed(2)} giây, trung vị ${times[Math.floor(runs / 2)].toFixed(2)} giây, chậm nhất ${times[runs - 1].toFixed(2)} giây.`,
);
