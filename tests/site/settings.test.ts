import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentError } from '../../src/problems/index.ts';
import { inspectSite } from '../../src/pages/index.ts';
import { loadSiteSettings } from '../../src/site/index.ts';
import { copyFixture } from '../support/build.ts';

test('an unquoted comma in a one-line category is an error, not a silently cut description', () => {
  const content = copyFixture('basic');
  const file = path.join(content, '_data', 'site.yaml');
  assert.equal(loadSiteSettings(file).categories[1].description, 'Sản xuất, đầu tư, nông nghiệp và phát triển kinh tế của tỉnh.');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      'description: "Sản xuất, đầu tư, nông nghiệp và phát triển kinh tế của tỉnh."',
      'description: Sản xuất, đầu tư, nông nghiệp',
    ),
  );
  assert.throws(
    () => loadSiteSettings(file),
    (error: ContentError) => {
      const [problem] = error.problems;
      assert.equal(problem.field, 'categories.1');
      assert.equal(problem.line, 36);
      assert.match(problem.message, /không được hỗ trợ: đầu tư, nông nghiệp.*dấu phẩy trong dấu nháy/);
      return true;
    },
  );
});

test('the footer legal lines: each one missing from agency is a warning of npm run check, on the agency', async () => {
  const content = copyFixture('basic');
  const file = path.join(content, '_data', 'site.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}(owner|responsible|licence):.*\n/gm, ''));
  const { problems } = await inspectSite({ contentDir: content });
  const legal = problems.filter((p) => p.field?.startsWith('agency.'));
  assert.deepEqual(
    legal.map((p) => [p.field, p.severity, p.line]),
    [
      ['agency.owner', 'warning', 11],
      ['agency.responsible', 'warning', 11],
      ['agency.licence', 'warning', 11],
    ],
  );
  assert.match(legal[1].message, /chân trang chưa có dòng này.*responsible: "Ông Nguyễn Văn Minh/);
  assert.ok(problems.every((p) => p.severity === 'warning'));
});
