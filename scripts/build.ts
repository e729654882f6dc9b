// npm run build: checks the content, then builds the portal into _site/ atomically.
import { writeFileSync } from 'node:fs';
import { buildSite } from '../src/publish/index.ts';
import { ContentError, formatProblem } from '../src/problems/index.ts';
import { SearchIndexError } from '../src/search/index.ts';

try {
  const { outputDir, warnings, images, search, stages } = await buildSite();
  for (const warning of warnings) console.warn(formatProblem(warning));
  console.log(`Ảnh: mã hóa ${images.encoded}, dùng lại từ bộ nhớ đệm ${images.reused}.`);
  console.log(`Chỉ mục tìm kiếm: ${search.pages} tin bài.`);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `Đã dựng cổng thông tin vào ${outputDir} trong ${s(stages.total)} giây ` +
      `(nội dung ${s(stages.content)}, dựng trang ${s(stages.render)} song song với chỉ mục ${s(stages.index)}, xuất bản ${s(stages.publish)}).`,
  );
  // npm run bench reads the stages from here.
  if (process.env.PORTAL_STAGES_FILE) writeFileSync(process.env.PORTAL_STAGES_FILE, JSON.stringify(stages));
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
