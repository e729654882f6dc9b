import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, copyFixture, treeHash, writeArticle, type BuildRun } from '../support/build.ts';
import { writePhoto } from '../support/photos.ts';

const article = (image: string, body: string) =>
  `---\ntitle: "Bài có ảnh lỗi"\ndate: "2024-05-01T08:00:00+07:00"\nauthor: Thu Cúc\n${image}---\nĐoạn mở đầu.\n\n${body}\n`;

let content: string;
let published: BuildRun;
let before_: string;

before(async () => {
  content = copyFixture('basic');
  writeFileSync(path.join(content, 'images/hong.jpg'), 'Tệp này không phải là ảnh JPEG.');
  await writePhoto(path.join(content, 'articles/2024/dong.gif'), { width: 120, height: 80, camera: false, format: 'gif' });
  published = build(content);
  assert.equal(published.status, 0, published.stderr);
  before_ = treeHash(published.outputDir);
});

const cases: { name: string; text: string; where: RegExp; says: RegExp }[] = [
  {
    name: 'a missing front-matter photo',
    text: article('image:\n  src: /images/khong-co.jpg\n  alt: Ảnh\n', ''),
    where: /bai-loi\.md:6 — trường "image\.src":/,
    says: /không tìm thấy tệp ảnh "\/images\/khong-co\.jpg" \(đã tìm .*images\/khong-co\.jpg\)/,
  },
  {
    name: 'a missing Markdown photo',
    text: article('', '![Hội trường](hoi-truong.jpg "Hội trường")'),
    where: /bai-loi\.md:8 — trường "nội dung":/,
    says: /không tìm thấy tệp ảnh "hoi-truong\.jpg"/,
  },
  {
    name: 'a corrupt file',
    text: article('image:\n  src: /images/hong.jpg\n  alt: Ảnh hỏng\n', ''),
    where: /bai-loi\.md:6 — trường "image\.src":/,
    says: /tệp ảnh "\/images\/hong\.jpg" bị hỏng hoặc không phải là ảnh/,
  },
  {
    name: 'an unsupported format',
    text: article('', '![Ảnh động](dong.gif)'),
    where: /bai-loi\.md:8 — trường "nội dung":/,
    says: /ảnh "dong\.gif" có định dạng GIF, không được hỗ trợ; hãy lưu ảnh dưới dạng JPEG, PNG, WebP hoặc AVIF/,
  },
  {
    name: 'a Markdown photo without alt text',
    text: article('', 'Xem ảnh:\n\n![](/images/hoi-nghi.jpg)'),
    where: /bai-loi\.md:10 — trường "nội dung":/,
    says: /ảnh "\/images\/hoi-nghi\.jpg" thiếu mô tả \(alt\) cho người khiếm thị; hãy viết !\[mô tả nội dung ảnh\]\(\/images\/hoi-nghi\.jpg\)/,
  },
  {
    name: 'a front-matter photo without alt text',
    text: article('image:\n  src: /images/hoi-nghi.jpg\n  caption: Hội nghị\n', ''),
    where: /bai-loi\.md:5 — trường "image\.alt":/,
    says: /ảnh "\/images\/hoi-nghi\.jpg": bắt buộc nhưng đang thiếu/,
  },
  {
    name: 'a photo from another site',
    text: article('', '![Ảnh](https://anh.example.com/a.jpg)'),
    where: /bai-loi\.md:8 — trường "nội dung":/,
    says: /ảnh "https:\/\/anh\.example\.com\/a\.jpg" lấy từ trang khác/,
  },
];

for (const bad of cases) {
  test(`${bad.name} stops the build, naming the article, line and image; the published site is kept`, () => {
    const file = writeArticle(content, '2024/bai-loi.md', bad.text);
    try {
      const run = build(content, {}, published.outputDir);
      assert.equal(run.status, 1, run.stdout);
      assert.match(run.stderr, /Không thể xuất bản: có 1 lỗi/);
      assert.match(run.stderr, bad.where);
      assert.match(run.stderr, bad.says);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(treeHash(published.outputDir), before_);
    } finally {
      rmSync(file);
    }
  });
}

test('every bad photo of every article is reported in one build', () => {
  writeArticle(
    content,
    '2024/bai-loi.md',
    article('image:\n  src: /images/hong.jpg\n  alt: Ảnh hỏng\n', '![](a.jpg)\n\n![Ảnh](b.jpg)'),
  );
  writeArticle(content, '2024/bai-loi-2.md', article('', '![Ảnh động](dong.gif)'));
  const run = build(content, {}, published.outputDir);
  assert.equal(run.status, 1);
  // a.jpg lacks both its alt text and its file: two problems on one line.
  assert.match(run.stderr, /có 5 lỗi/);
  // In file order (bai-loi-2.md sorts first), then line order.
  assert.match(
    run.stderr,
    /bai-loi-2\.md:8 — .*GIF[\s\S]*bai-loi\.md:6 — .*"\/images\/hong\.jpg" bị hỏng[\s\S]*bai-loi\.md:11 — .*"a\.jpg" thiếu mô tả[\s\S]*bai-loi\.md:11 — .*không tìm thấy tệp ảnh "a\.jpg"[\s\S]*bai-loi\.md:13 — .*"b\.jpg"/,
  );
});
