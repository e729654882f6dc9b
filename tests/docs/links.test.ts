import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const documents = ['README.md', ...readdirSync('docs').flatMap((name) => (name.endsWith('.md') ? [`docs/${name}`] : []))];

/** The text a reader sees as prose: fenced blocks and code spans hold examples, not links. */
const prose = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');

/** Every `[text](target)` link of a Markdown file. */
const links = (markdown: string) => [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);

/** The anchors GitHub gives the headings (github-slugger: lower case, punctuation dropped, spaces to hyphens, repeats numbered). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const base = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count ? `${base}-${count}` : base);
  }
  return result;
}

test('every relative link in the README and docs/ points at a file that exists, and at a heading that exists', () => {
  const broken: string[] = [];
  for (const document of documents) {
    for (const link of links(readFileSync(document, 'utf8'))) {
      if (/^[a-z]+:/i.test(link)) continue;
      const [target, fragment] = link.split('#');
      const file = target ? path.join(path.dirname(document), target) : document;
      if (!existsSync(file)) broken.push(`${document}: ${link} (no file ${file})`);
      else if (fragment !== undefined && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(decodeURI(fragment)))
        broken.push(`${document}: ${link} (no heading #${fragment} in ${file})`);
    }
  }
  assert.deepEqual(broken, []);
});

test('the README leads to every document in docs/', () => {
  const fromReadme = new Set(links(readFileSync('README.md', 'utf8')).map((link) => link.split('#')[0]));
  assert.deepEqual(
    documents.filter((document) => document !== 'README.md' && !fromReadme.has(document)),
    [],
  );
});

test('the anchors follow GitHub: Vietnamese letters kept, code and punctuation dropped', () => {
  assert.deepEqual(
    [...anchors('## 10. Cài đặt cổng: `content/_data/site.yaml`\n## Bắt đầu (two commands)\n## Bắt đầu (two commands)')],
    ['10-cài-đặt-cổng-content_datasiteyaml', 'bắt-đầu-two-commands', 'bắt-đầu-two-commands-1'],
  );
});
