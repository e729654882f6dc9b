import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listFiles, MANIFEST_FILE } from '../../src/publish/index.ts';
import {
  deploy,
  DeployRefused,
  parseTarget,
  phaseOf,
  type DeployReport,
  type Operation,
  type TransportName,
} from '../../src/deploy/index.ts';
import { build, copyFixture, ROOT, writeArticle } from '../support/build.ts';

// The real clock: a deploy refuses builds made with a PORTAL_NOW in the future.
const REAL_CLOCK = { PORTAL_NOW: '' };

function scratch(name: string): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'portal-deploy-test-')), name);
}

function article(slug: string, title: string, body: string, image?: string): string {
  return (
    `---\ntitle: "${title}"\ndate: "2024-05-0${(slug.length % 9) + 1}T08:00:00+07:00"\nauthor: Phóng viên\ncategory: kinh-te\n` +
    (image ? `image:\n  src: /images/${image}\n  alt: Ảnh minh họa\n` : '') +
    `---\n${body}\n`
  );
}

/** The target holds exactly the build's files with the same bytes. */
function assertSameTree(target: string, build: string): void {
  assert.deepEqual(listFiles(target), listFiles(build));
  for (const file of listFiles(build))
    assert.ok(readFileSync(path.join(target, file)).equals(readFileSync(path.join(build, file))), `${file} differs`);
}

const order = ['assets add', 'assets update', 'pages add', 'pages update', 'stale delete', 'manifest add', 'manifest update'];
const step = (op: Operation) => order.indexOf(`${op.phase} ${op.action}`);
const indexOf = (report: DeployReport, phase: string, action: string, file: string) =>
  report.operations.findIndex((op) => op.phase === phase && op.action === action && op.path === file);

/** The processed photos of a build. */
const photos = (dir: string) => listFiles(dir).filter((file) => file.startsWith('img/'));

function available(command: string): boolean {
  return !spawnSync(command, ['--version']).error;
}

test('a target names its transport: folder, user@host:path for rsync, remote:path for rclone', () => {
  assert.deepEqual(parseTarget('/var/www/cong-thong-tin'), { transport: 'folder', location: '/var/www/cong-thong-tin' });
  assert.deepEqual(parseTarget('www'), { transport: 'folder', location: path.resolve('www') });
  assert.deepEqual(parseTarget('./a:b'), { transport: 'folder', location: path.resolve('a:b') });
  assert.deepEqual(parseTarget('quantri@may-chu.backan.gov.vn:/var/www/ctt'), {
    transport: 'rsync',
    location: 'quantri@may-chu.backan.gov.vn:/var/www/ctt',
  });
  assert.deepEqual(parseTarget('s3-tinh:cong-thong-tin/ban-chinh'), {
    transport: 'rclone',
    location: 's3-tinh:cong-thong-tin/ban-chinh',
  });
  assert.deepEqual(parseTarget(':s3:cong-thong-tin'), { transport: 'rclone', location: ':s3:cong-thong-tin' });
  assert.deepEqual(parseTarget('may-chu:/var/www', 'rsync'), { transport: 'rsync', location: 'may-chu:/var/www' });
  assert.deepEqual(parseTarget('/srv/www', 'rsync'), { transport: 'rsync', location: '/srv/www' });
});

test('pages are the documents that point to other files; everything else is an asset', () => {
  for (const page of ['index.html', 'tin-tuc/a/index.html', 'feed.xml', 'sitemap.xml', 'robots.txt', '_redirects', '_headers'])
    assert.equal(phaseOf(page), 'pages', page);
  for (const asset of [
    'assets/css/site.css',
    'assets/js/site.js',
    'images/a.jpg',
    'assets/fonts/x.woff2',
    'pagefind/pagefind.js',
    'img/a-640.webp',
  ])
    assert.equal(phaseOf(asset), 'assets', asset);
});

describe('deploying twice to a folder, with rsync and with rclone', () => {
  const transports: TransportName[] = ['folder', 'rsync', 'rclone'];
  const targets = Object.fromEntries(transports.map((t) => [t, scratch(`www-${t}`)])) as Record<TransportName, string>;
  const first: Partial<Record<TransportName, DeployReport>> = {};
  const second: Partial<Record<TransportName, DeployReport>> = {};
  let outputDir: string;
  let firstBuild: string;

  before(() => {
    const content = copyFixture('basic');
    writeArticle(
      content,
      '2024/cho-phien.md',
      article('cho-phien', 'Chợ phiên vùng cao', 'Chợ phiên họp mỗi sáng chủ nhật.', 'cho-phien.jpg'),
    );
    // Photos are published under content hashes (/img/<hash>-<width>.<ext>): each test photo gets bytes of its own.
    writeFileSync(
      path.join(content, 'images/cho-phien.jpg'),
      Buffer.concat([readFileSync(path.join(content, 'images/hoi-nghi.jpg')), Buffer.from('cho')]),
    );
    outputDir = scratch('_site');
    const one = build(content, REAL_CLOCK, outputDir);
    assert.equal(one.status, 0, one.stderr);
    firstBuild = scratch('first-build');
    cpSync(outputDir, firstBuild, { recursive: true });
    for (const via of transports)
      if (available(via === 'folder' ? 'node' : via))
        first[via] = deploy({ outputDir, target: targets[via], via, projectDir: ROOT });

    // An editor changes an article, adds one with a new photo and removes one with its photo.
    const changed = path.join(content, 'articles/2024/dang-uy-hop.md');
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/\n---\n/, '\n---\nĐoạn mới thêm vào đầu bài.\n\n'));
    writeArticle(
      content,
      '2024/mua-lua.md',
      article('mua-lua', 'Mùa lúa chín trên ruộng bậc thang', 'Nông dân thu hoạch lúa.', 'mua-lua.jpg'),
    );
    writeFileSync(
      path.join(content, 'images/mua-lua.jpg'),
      Buffer.concat([readFileSync(path.join(content, 'images/hoi-nghi.jpg')), Buffer.from('khac')]),
    );
    rmSync(path.join(content, 'articles/2024/cho-phien.md'));
    rmSync(path.join(content, 'images/cho-phien.jpg'));
    const two = build(content, REAL_CLOCK, outputDir);
    assert.equal(two.status, 0, two.stderr);
    for (const via of transports)
      if (first[via]) second[via] = deploy({ outputDir, target: targets[via], via, projectDir: ROOT });
  });

  for (const via of transports) {
    describe(via, () => {
      test('the first deploy copies the whole build, the manifest last', (t) => {
        if (!first[via]) return t.skip(`${via} is not installed (apt-get install ${via})`);
        const ops = first[via].operations;
        assert.deepEqual(ops.map((op) => op.path).sort(), listFiles(firstBuild), 'every file once');
        assert.deepEqual(
          ops.filter((op) => op.action !== 'add'),
          [],
        );
        assert.deepEqual(ops.at(-1), { phase: 'manifest', action: 'add', path: MANIFEST_FILE });
        assert.ok(
          ops.some((op) => op.path.startsWith('img/')),
          'the photos',
        );
      });

      test('the second deploy leaves the target equal to the new build, stale files gone', (t) => {
        if (!second[via]) return t.skip(`${via} is not installed (apt-get install ${via})`);
        assertSameTree(targets[via], outputDir);
        assert.ok(!existsSync(path.join(targets[via], 'tin-tuc/cho-phien')), 'removed article is gone');
        const gonePhotos = photos(firstBuild).filter((file) => !existsSync(path.join(outputDir, file)));
        assert.ok(gonePhotos.length > 0);
        for (const file of gonePhotos) assert.ok(!existsSync(path.join(targets[via], file)), `its photo ${file} is gone`);
      });

      test('uploads new assets, then changed ones, new pages, changed pages, then deletes, touching only what changed', (t) => {
        const report = second[via];
        if (!report) return t.skip(`${via} is not installed (apt-get install ${via})`);
        const steps = report.operations.map(step);
        assert.deepEqual(
          steps,
          [...steps].sort((a, b) => a - b),
          report.operations.map((op) => `${op.phase} ${op.action} ${op.path}`).join('\n'),
        );
        const isPhoto = (op: Operation) => op.path.startsWith('img/');
        const newPhoto = report.operations.findIndex((op) => isPhoto(op) && op.phase === 'assets' && op.action === 'add');
        const newPage = indexOf(report, 'pages', 'add', 'tin-tuc/mua-lua/index.html');
        const changedPage = indexOf(report, 'pages', 'update', 'tin-tuc/dang-uy-hop/index.html');
        const home = indexOf(report, 'pages', 'update', 'index.html');
        const stalePhoto = report.operations.findIndex((op) => isPhoto(op) && op.phase === 'stale' && op.action === 'delete');
        const stalePage = indexOf(report, 'stale', 'delete', 'tin-tuc/cho-phien/index.html');
        for (const [name, at] of Object.entries({ newPhoto, newPage, changedPage, home, stalePhoto, stalePage }))
          assert.ok(at >= 0, name);
        assert.ok(
          newPhoto < newPage && newPage < home && home < stalePhoto,
          'photo, its page, the home page linking to it, then deletes',
        );
        const touched = new Set(report.operations.map((op) => op.path));
        const keptPhoto = photos(firstBuild).find((file) => existsSync(path.join(outputDir, file)))!;
        for (const unchanged of ['assets/css/site.css', keptPhoto, 'lien-he/index.html'])
          assert.ok(!touched.has(unchanged), unchanged);
        assert.deepEqual(report.operations.at(-1), { phase: 'manifest', action: 'update', path: MANIFEST_FILE });
      });
    });
  }

  test('a deploy of an unchanged build does nothing', () => {
    const target = scratch('www-again');
    cpSync(targets.folder, target, { recursive: true });
    assert.deepEqual(deploy({ outputDir, target, projectDir: ROOT }).operations, []);
  });

  test('a dry run reports the operations and changes nothing', () => {
    const target = scratch('www-dry');
    cpSync(firstBuild, target, { recursive: true });
    const report = deploy({ outputDir, target, projectDir: ROOT, dryRun: true });
    assert.ok(report.operations.some((op) => op.phase === 'stale' && op.path === 'tin-tuc/cho-phien/index.html'));
    assertSameTree(target, firstBuild);
  });
});

describe('what a deploy refuses', () => {
  let content: string;
  let outputDir: string;
  let target: string;

  before(() => {
    content = copyFixture('basic');
    outputDir = scratch('_site');
    const run = build(content, REAL_CLOCK, outputDir);
    assert.equal(run.status, 0, run.stderr);
    target = scratch('www');
  });

  const refused = (options: { outputDir: string; target?: string; force?: boolean }, reason: RegExp) =>
    assert.throws(
      () => deploy({ target, projectDir: ROOT, ...options }),
      (error: Error) => error instanceof DeployRefused && reason.test(error.message),
    );

  test('no build, or a build without its manifest (failed or cut short)', () => {
    refused({ outputDir: scratch('khong-co') }, /Không có bản dựng .* Hãy chạy "npm run build" trước/);
    const incomplete = scratch('_site-do-dang');
    cpSync(outputDir, incomplete, { recursive: true });
    rmSync(path.join(incomplete, MANIFEST_FILE));
    refused({ outputDir: incomplete }, /không có \.portal-build\.json: lần dựng gần nhất chưa xong hoặc đã thất bại/);
    assert.ok(!existsSync(target), 'the target is not touched');
  });

  test('a build whose files were removed, changed or added after it finished', () => {
    const tampered = scratch('_site-bi-sua');
    cpSync(outputDir, tampered, { recursive: true });
    rmSync(path.join(tampered, 'feed.xml'));
    writeFileSync(path.join(tampered, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
    writeFileSync(path.join(tampered, 'la.html'), '<p>');
    refused(
      { outputDir: tampered },
      /không còn nguyên vẹn: 1 tệp bị sửa \(robots\.txt\); 1 tệp lạ được thêm \(la\.html\); 1 tệp bị mất \(feed\.xml\)/,
    );
  });

  test('a target that holds something other than a portal deploy, unless forced', () => {
    const foreign = scratch('www-khac');
    mkdirSync(foreign, { recursive: true });
    writeFileSync(path.join(foreign, 'tai-lieu-quan-trong.pdf'), 'x');
    refused(
      { outputDir, target: foreign },
      /đã có 1 mục \(tai-lieu-quan-trong\.pdf…\) nhưng không phải nơi đã triển khai cổng.*--force/,
    );
    assert.ok(existsSync(path.join(foreign, 'tai-lieu-quan-trong.pdf')));
    deploy({ outputDir, target: foreign, projectDir: ROOT, force: true });
    assertSameTree(foreign, outputDir);
  });

  test('drafts, and a clock set in the future', () => {
    const preview = scratch('_site-xem-truoc');
    const run = build(content, { PORTAL_DRAFTS: '1', PORTAL_NOW: '2099-06-01T00:00:00+07:00' }, preview);
    assert.equal(run.status, 0, run.stderr);
    refused(
      { outputDir: preview },
      /hiện cả bản nháp \(PORTAL_DRAFTS=1\)[\s\S]*đồng hồ giả lập ở tương lai \(PORTAL_NOW=2099-06-01/,
    );
  });

  // Last: it changes the content.
  test('a build older than the sources, as after a failed rebuild or a new article', () => {
    const file = path.join(content, 'articles/2024/dang-uy-hop.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: ""'));
    const failed = build(content, REAL_CLOCK, outputDir);
    assert.notEqual(failed.status, 0, 'the rebuild fails and keeps the previous build');
    refused({ outputDir }, /Bản dựng cũ hơn mã nguồn: nội dung, giao diện hoặc mã đã thay đổi/);
    writeArticle(content, '2024/bai-moi.md', article('bai-moi', 'Bài mới', 'Nội dung.'));
    refused({ outputDir }, /Bản dựng cũ hơn mã nguồn/);
  });
});

describe('npm run deploy', () => {
  test('prints each operation in order and a summary; exits 1 with the reasons when it refuses', () => {
    const content = copyFixture('basic');
    const outputDir = scratch('_site');
    assert.equal(build(content, REAL_CLOCK, outputDir).status, 0);
    const target = scratch('www');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deploy.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, PORTAL_CONTENT: content, PORTAL_OUTPUT: outputDir },
      });
    const ok = cli(target);
    assert.equal(ok.status, 0, ok.stderr);
    const lines = ok.stdout.trim().split('\n');
    assert.match(lines[0], /^\+ tài nguyên {2}\S/);
    assert.match(lines.at(-2)!, /^✓ ghi dấu bản dựng {2}\.portal-build\.json$/);
    assert.match(
      lines.at(-1)!,
      /^Đã triển khai bản dựng cho https:\/\/vidu\.gov\.vn\/ lên .*www \(folder\): \d+ tài nguyên, \d+ trang, xóa 0 tệp cũ/,
    );
    const kinds = lines.map((line) => line.split('  ')[0]);
    assert.ok(kinds.indexOf('+ trang') > kinds.lastIndexOf('+ tài nguyên'), 'assets before pages');
    assertSameTree(target, outputDir);

    rmSync(path.join(outputDir, MANIFEST_FILE));
    const refusal = cli(target);
    assert.equal(refusal.status, 1);
    assert.match(refusal.stderr, /^Không triển khai:\n- .*lần dựng gần nhất chưa xong hoặc đã thất bại/);
    assert.equal(cli().status, 2, 'no target: usage');
  });
});
