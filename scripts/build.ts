// npm run build: checks the content, then builds the portal into _site/ atomically.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BuildLockedError, buildSite, hasPublishedSite, OutputError } from '../src/publish/index.ts';
import { buildSettings } from '../src/settings/index.ts';
import { ContentError, formatProblem } from '../src/problems/index.ts';
import { SearchIndexError } from '../src/search/index.ts';

const settings = buildSettings();
// Once nothing is left to do, exit without Node's teardown of a heap this size (0.3 s at 20,000 articles).
process.once('beforeExit', () => process.exit());
try {
  const { outputDir, warnings, images, search, stages, keptPages } = await buildSite(settings, (note) => console.warn(note));
  for (const warning of warnings) console.warn(formatProblem(warning));
  console.log(`Ảnh: mã hóa ${images.encoded}, dùng lại từ bộ nhớ đệm ${images.reused}.`);
  const keptShards = search.shards.length - search.indexed;
  console.log(
    `Chỉ mục tìm kiếm: ${search.pages} mục (tin bài, trang và văn bản) trong ${search.shards.length} phần` +
      (keptShards ? `; lập lại ${search.indexed} phần, giữ nguyên ${keptShards} phần không đổi từ lần dựng trước.` : '.'),
  );
  if (keptPages) console.log(`Dựng tăng dần: giữ nguyên ${keptPages} trang không đổi từ lần dựng trước.`);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `Đã dựng cổng thông tin vào ${outputDir} trong ${s(stages.total)} giây ` +
      `(nội dung ${s(stages.content)}, dựng trang ${s(stages.render)} song song với chỉ mục ${s(stages.index)}, xuất bản ${s(stages.publish)}).`,
  );
  if (settings.pathPrefix !== '/') {
    // What the build can't do itself: the host's root is outside the prefix.
    console.log(
      `Cổng được dựng cho thư mục con ${settings.pathPrefix}. Trên Cloudflare Pages và Netlify, đặt _headers và _redirects ` +
        `(đã ghi đường dẫn có tiền tố) ở gốc của bản triển khai, không đặt trong ${settings.pathPrefix}: ` +
        `"npm run deploy -- <thư mục> --host cloudflare" (hoặc --host netlify) dựng sẵn thư mục đó. ` +
        `Máy tìm kiếm chỉ đọc robots.txt ở gốc tên miền: hãy phục vụ ${path.join(outputDir, 'robots.txt')} tại /robots.txt ` +
        '(--host cũng đặt nó ở gốc).',
    );
  }
  // npm run bench reads the stages from here.
  if (process.env.PORTAL_STAGES_FILE) writeFileSync(process.env.PORTAL_STAGES_FILE, JSON.stringify(stages));
} catch (error) {
  const known = [ContentError, SearchIndexError, BuildLockedError, OutputError].some((kind) => error instanceof kind);
  if (known) console.error((error as Error).message);
  else {
    console.error('Dựng cổng thông tin thất bại.');
    console.error(error);
  }
  // Only what is true: the published site is kept when there is one.
  const outputDir = path.resolve(settings.outputDir);
  console.error(
    hasPublishedSite(outputDir)
      ? `Trang đã xuất bản trước đó ở ${outputDir} được giữ nguyên. Hãy sửa các lỗi trên rồi dựng lại.`
      : `Chưa có trang hoàn chỉnh nào ở ${outputDir}. Hãy sửa các lỗi trên rồi dựng lại.`,
  );
  process.exit(1);
}
