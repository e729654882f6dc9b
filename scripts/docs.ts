// npm run docs: rewrites the generated tables of the editors' guide from the schemas.
// tests/docs/guide.test.ts fails when the committed guide differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { generatedGuide, guideFile } from '../src/docs/index.ts';

const text = readFileSync(guideFile, 'utf8');
const generated = generatedGuide(text);
if (generated === text) {
  console.log(`${guideFile}: đã khớp với mã nguồn, không cần sửa.`);
} else {
  writeFileSync(guideFile, generated);
  console.log(`${guideFile}: đã cập nhật các bảng từ mã nguồn.`);
}
