import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseEntry, serializeEntry, SOURCE_KEY, type FormatOptions } from '../../src/cms/index.ts';
import { samples } from './samples.ts';

const article: FormatOptions = {
  frontMatter: true,
  dateFields: ['date', 'modified'],
  fieldOrder: ['title', 'date', 'author', 'tags', 'category', 'summary', 'image', 'modified', 'draft', 'slug', 'aliases'],
};
const settings: FormatOptions = { frontMatter: false, dateFields: [], fieldOrder: [] };

/** What the form hands back: the data without the admin's own keys, through JSON like Decap's Immutable maps. */
function roundTrip(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data));
}

function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'the number of lines changed');
  return b.filter((line, i) => line !== a[i]);
}

test('every sample article is saved back byte for byte when nothing was edited', () => {
  assert.ok(samples.length > 40);
  for (const file of samples) {
    const text = readFileSync(file, 'utf8');
    assert.equal(serializeEntry(roundTrip(parseEntry(text, article)), article), text, file);
  }
});

test('editing one field of any sample article changes that line only: comments, quoting, NFD and +07:00 dates stay', () => {
  for (const file of samples) {
    const text = readFileSync(file, 'utf8');
    const data = roundTrip(parseEntry(text, article));
    if (typeof data.title !== 'string' || !/^title:/m.test(text)) continue;
    const saved = serializeEntry({ ...data, title: 'Tiêu đề mới' }, article);
    assert.deepEqual(changedLines(text, saved), ['title: "Tiêu đề mới"'], file);
  }
});

test('fields the form does not know and comments survive a save', () => {
  const text = [
    '---',
    '# Ghi chú: bài này do Văn phòng gửi.',
    'title: Hội nghị',
    'date: "2018-08-06T09:47:32+07:00"',
    'nguon: "Báo Bắc Kạn" # trường riêng của tòa soạn',
    'author: Thu Cúc',
    'tags: [ "Nông thôn mới" ]',
    '---',
    '',
    'Nội dung.',
    '',
  ].join('\n');
  const data = roundTrip(parseEntry(text, article));
  const saved = serializeEntry({ ...data, author: 'Minh Anh' }, article);
  assert.deepEqual(changedLines(text, saved), ['author: "Minh Anh"']);
  assert.match(saved, /^nguon: "Báo Bắc Kạn" # trường riêng của tòa soạn$/m);
});

test('dates are shown and saved in Vietnam time; an untouched date keeps its text', () => {
  const text = '---\ntitle: "A"\ndate: "2018-08-06T02:47:32Z"\nauthor: "B"\n---\nx\n';
  const data = parseEntry(text, article);
  assert.equal(data.date, '2018-08-06T09:47:32+07:00');
  assert.equal(serializeEntry(roundTrip(data), article), text);
  const moved = serializeEntry({ ...roundTrip(data), date: '2018-08-07T10:00:00+07:00' }, article);
  assert.match(moved, /^date: "2018-08-07T10:00:00\+07:00"$/m);
});

test('a new article: fields in the schema order, text in NFC, empty fields left out', () => {
  const saved = serializeEntry(
    {
      body: 'Nội dung bài.\n',
      tags: ['Nông thôn mới'],
      author: 'Thu Cúc',
      title: 'Đà Nẵng'.normalize('NFD'),
      date: '2026-03-02T09:15:00+07:00',
      summary: '',
      image: { src: '', alt: '', caption: '' },
      draft: false,
    },
    article,
  );
  assert.equal(
    saved,
    '---\ntitle: "Đà Nẵng"\ndate: "2026-03-02T09:15:00+07:00"\nauthor: "Thu Cúc"\ntags:\n  - "Nông thôn mới"\n---\n\nNội dung bài.\n',
  );
});

test('a field cleared in the form loses its lines; a nested change touches only its line', () => {
  const file = 'content/articles/2018/bac-kan-so-ket-03-nam.md';
  const text = readFileSync(file, 'utf8');
  const data = roundTrip(parseEntry(text, article)) as Record<string, unknown> & { image: Record<string, unknown> };
  const recaptioned = serializeEntry({ ...data, image: { ...data.image, caption: 'Hội trường' } }, article);
  assert.deepEqual(changedLines(text, recaptioned), ['  caption: "Hội trường"']);
  const untagged = serializeEntry({ ...data, tags: [] }, article);
  assert.doesNotMatch(untagged.split('\n---')[0], /tags|Nông thôn mới/);
});

test('the site settings file is saved back as it was, and one setting changes one line', () => {
  const text = readFileSync('content/_data/site.yaml', 'utf8');
  const data = roundTrip(parseEntry(text, settings));
  assert.equal(data[SOURCE_KEY], text);
  assert.equal(serializeEntry(data, settings), text);
  const agency = { ...(data.agency as object), phone: '0209 3870 999' };
  assert.deepEqual(changedLines(text, serializeEntry({ ...data, agency }, settings)), ['  phone: "0209 3870 999"']);
});
