import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DECAP_PHRASES, replaceFileQuestion, withPhrases, type Phrases } from '../../src/cms/index.ts';

// Decap's own phrase tables, as the admin's decap-cms.js bundles them.
const locales = path.join(path.dirname(createRequire(import.meta.url).resolve('decap-cms-locales/package.json')), 'dist', 'esm');
async function decapLocale(name: string): Promise<Phrases> {
  return (await import(path.join(locales, name, 'index.js'))).default;
}

function phrase(locale: Phrases, key: string): unknown {
  return key.split('.').reduce<unknown>((group, part) => (group as Phrases | undefined)?.[part], locale);
}

test('every phrase we translate is one Decap has: a key renamed upstream fails here, not silently in English', async () => {
  const en = await decapLocale('en');
  for (const key of Object.keys(DECAP_PHRASES)) assert.equal(typeof phrase(en, key), 'string', key);
});

test("the Vietnamese locale gets our phrases, including where Decap's has no group yet, and keeps its own", async () => {
  const vi = withPhrases(structuredClone(await decapLocale('vi')), DECAP_PHRASES);
  assert.equal(phrase(vi, 'editor.editorWidgets.list.add'), 'Thêm %{item}');
  assert.equal(phrase(vi, 'ui.toast.onFailToPersist'), 'Chưa lưu được: %{details}');
  assert.equal(phrase(vi, 'editor.editorWidgets.file.choose'), 'Chọn một tập tin');
  // Placeholders survive: Decap fills them.
  for (const [key, text] of Object.entries(DECAP_PHRASES)) {
    const english = String(phrase(await decapLocale('en'), key));
    assert.deepEqual(text.match(/%\{\w+\}/g) ?? [], english.match(/%\{\w+\}/g) ?? [], key);
  }
});

test("Decap's English question before an upload replaces a file is asked in Vietnamese, naming the file and the way out", () => {
  const question = replaceFileQuestion('hoi-nghi.jpg already exists. Do you want to replace it?');
  assert.match(question, /^Tệp «hoi-nghi\.jpg» đã có trong kho\. Thay nó sẽ XOÁ NGAY tệp cũ/);
  assert.match(question, /đổi tên tệp trên máy rồi tải lên lại/);
  assert.equal(replaceFileQuestion('Bạn có chắc rằng bạn muốn xoá tập tin này?'), 'Bạn có chắc rằng bạn muốn xoá tập tin này?');
});
