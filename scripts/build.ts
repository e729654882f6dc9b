// npm run build: checks the content, then builds the portal into _site/ atomically.
import { buildSite } from '../src/build/index.ts';
import { ContentError, formatProblem } from '../src/content/index.ts';
import { SearchIndexError } from '../src/search/index.ts';

try {
  const started = performance.now();
  const { outputDir, warnings, images, search } = await buildSite();
  for (const warning of warnings) console.warn(formatProblem(warning));
  console.log(`Ảnh: mã hóa ${images.encoded}, dùng lại từ bộ nhớ đệm ${images.reused}.`);
  console.log(`Chỉ mục tìm kiếm: ${search.pages} tin bài.`);
  console.log(`Đã dựng cổng thông tin vào ${outputDir} trong ${((performance.now() - started) / 1000).toFixed(1)} giây.`);
} catch (error) {
  if (error instanceof ContentError || error instanceof SearchIndexError) {
    console.error(error.message);
    console.error('Trang đã xuất bản trước đó được giữ nguyên. Hãy sửa các lỗi trên rồi dựng lại.');
  } else {
    console.error('Dựng cổng thông tin thất bại; trang đã xuất bản trước đó được giữ nguyên.');
    console.error(error);
  }
  process.exit(1);
}
