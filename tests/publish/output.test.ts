import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stagingDir, trashLeftStaging } from '../../src/publish/index.ts';
import { build, copyFixture, treeHash, writeArticle } from '../support/build.ts';

const broken = '---\ntitle: "Bài lỗi"\ndate: "2024-05-01"\nauthor: A\ncategory: khong-co\n---\nx\n';

test('a build killed between its two renames: the next build puts the published site back first, and says so', () => {
  const content = copyFixture('basic');
  const published = build(content);
  assert.equal(published.status, 0, published.stderr);
  const before = treeHash(published.outputDir);
  // What a kill between "output → .old" and ".next → output" leaves.
  renameSync(published.outputDir, `${published.outputDir}.old`);
  mkdirSync(`${published.outputDir}.next`);

  writeArticle(content, '2025/bai-loi.md', broken);
  const failed = build(content, {}, published.outputDir);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /Lần dựng trước bị dừng giữa lúc thay trang; đã khôi phục trang đã xuất bản/);
  assert.match(failed.stderr, /Trang đã xuất bản trước đó ở .* được giữ nguyên/);
  assert.equal(treeHash(published.outputDir), before, 'the site is back, as it was');
});

test('the reading cache kept as JSON by older builds leaves the cache once the build saves its own', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'portal-page-cache-'));
  writeFileSync(path.join(cache, 'readings.json'), '{"format":1}');
  const run = build(copyFixture('basic'), { PORTAL_PAGE_CACHE: cache });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(
    readdirSync(cache).filter((file) => file.startsWith('readings')),
    ['readings.bin'],
  );
});

test('a failed build with no published site does not claim to have kept one', () => {
  const content = copyFixture('basic');
  writeArticle(content, '2025/bai-loi.md', broken);
  const run = build(content);
  assert.equal(run.status, 1);
  assert.doesNotMatch(run.stderr, /được giữ nguyên/);
  assert.match(run.stderr, /Chưa có trang hoàn chỉnh nào ở .*_site/);
});

// Root can write anywhere; an immutable folder (chattr +i) refuses even root, as a read-only disk would.
const immutable = spawnSync('chattr', ['--help']).error === undefined;

test('an output folder that cannot be written: a Vietnamese message, no stack trace', {
  skip: !immutable && 'chattr is missing',
}, () => {
  const content = copyFixture('basic');
  const parent = mkdtempSync(path.join(tmpdir(), 'portal-readonly-'));
  const outputDir = path.join(parent, '_site');
  assert.equal(spawnSync('chattr', ['+i', parent]).status, 0);
  try {
    const run = build(content, {}, outputDir);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /Không ghi được bản dựng vào .*portal-readonly-.*: (hệ thống không cho phép ghi|không có quyền ghi)/,
    );
    assert.match(run.stderr, /PORTAL_OUTPUT/);
    assert.doesNotMatch(run.stderr, /\n\s+at |TemplatePassthroughManagerCopyError|Error:/);
  } finally {
    spawnSync('chattr', ['-i', parent]);
  }
  assert.deepEqual(readdirSync(parent), []);
  assert.equal(existsSync(outputDir), false);
});

/** A folder on a small disk of its own (tmpfs), or undefined where mounting is not allowed. */
function smallDisk(kilobytes: number): { dir: string; remove: () => void } | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-small-disk-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir]).status !== 0) return undefined;
  return { dir, remove: () => spawnSync('umount', [dir]) };
}

test('a disk that fills up while the pages are written: a Vietnamese message, the published site as it was', (t) => {
  const disk = smallDisk(1500);
  if (!disk) return t.skip('mounting a small disk (tmpfs) needs root');
  try {
    const content = copyFixture('basic');
    const outputDir = path.join(disk.dir, '_site');
    assert.equal(build(content, {}, outputDir).status, 0, 'the first build fits on the disk');
    const published = treeHash(outputDir);
    // About 5 MB of article pages: the new build runs out of space while it writes them.
    for (let i = 0; i < 200; i++)
      writeArticle(
        content,
        `2024/bai-dai-${i}.md`,
        `---\ntitle: "Bài dài ${i}"\ndate: "2024-05-01"\nauthor: A\n---\nNội dung ${i}.\n`,
      );
    const run = build(content, { PORTAL_FULL_BUILD: '1' }, outputDir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Không ghi được bản dựng vào .*portal-small-disk-.*: ổ đĩa đã đầy \(ENOSPC\)/);
    assert.doesNotMatch(run.stderr, /\n\s+at |Error:/);
    assert.equal(treeHash(outputDir), published);
    assert.deepEqual(readdirSync(disk.dir), ['_site']);
  } finally {
    disk.remove();
  }
});

test("killed builds' staging folders go to the trash, and nothing else beside the output does", () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'portal-staging-'));
  const outputDir = path.join(parent, '_site');
  for (const name of [
    '_site',
    '_site.next',
    path.basename(stagingDir(outputDir)),
    '_site.next-ban-sao',
    '_site.spare',
    '_site.preview',
  ])
    mkdirSync(path.join(parent, name));
  writeFileSync(path.join(parent, '_site.next.tar'), '');
  trashLeftStaging(outputDir);
  const left = readdirSync(parent);
  assert.deepEqual(left.filter((name) => !name.startsWith('_site.trash-')).sort(), [
    '_site',
    '_site.next-ban-sao',
    '_site.next.tar',
    '_site.preview',
    '_site.spare',
  ]);
  assert.equal(left.filter((name) => name.startsWith('_site.trash-')).length, 2);
});
