// Writes the small PDF files of the sample content: one for each `tep:` of content/van-ban/ and each
// ".pdf" link of content/pages/ that has no file yet. Text in DejaVu Sans (subset, so each file stays
// a few KB); the documents' properties are fixed, so a rerun writes the same bytes.
// Usage: npx tsx scripts/sample-documents.ts [content-folder]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import { attachmentPath } from '../src/attachments/index.ts';
import type { Problem } from '../src/problems/index.ts';
import { readMarkdownFiles } from '../src/content/index.ts';
import { documentContract } from '../src/documents/index.ts';
import { pageContract } from '../src/static-pages/index.ts';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const FIXED_DATE = new Date('2026-11-30T00:00:00+07:00');

interface Sheet {
  heading: string;
  issuer: string;
  number?: string;
  lines: string[];
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

async function writePdf(file: string, sheet: Sheet): Promise<void> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(readFileSync(FONT), { subset: true });
  const bold = await pdf.embedFont(readFileSync(BOLD), { subset: true });
  const page = pdf.addPage([595, 842]);
  let y = 780;
  const write = (text: string, font: PDFFont, size: number, centred = false) => {
    for (const line of wrap(text, font, size, 475)) {
      const x = centred ? (595 - font.widthOfTextAtSize(line, size)) / 2 : 60;
      page.drawText(line, { x, y, size, font, color: rgb(0, 0, 0) });
      y -= size * 1.5;
    }
  };
  write(sheet.issuer.toUpperCase(), bold, 11);
  write('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold, 11, true);
  write('Độc lập – Tự do – Hạnh phúc', regular, 11, true);
  if (sheet.number) write(`Số: ${sheet.number}`, regular, 11);
  y -= 16;
  write(sheet.heading.toUpperCase(), bold, 14, true);
  y -= 8;
  for (const line of sheet.lines) {
    write(line, regular, 11);
    y -= 6;
  }
  write('(Tệp mẫu của cổng thông tin, không phải văn bản thật.)', regular, 9);
  pdf.setTitle(sheet.number ? `${sheet.heading} ${sheet.number}` : sheet.heading);
  pdf.setAuthor(sheet.issuer);
  pdf.setCreator('Cổng thông tin – tệp mẫu');
  pdf.setProducer('pdf-lib');
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  writeFileSync(file, await pdf.save({ useObjectStreams: true }));
  console.log(`Đã tạo ${file}`);
}

const contentDir = process.argv[2] ?? 'content';
if (!existsSync(FONT)) throw new Error(`Cần phông ${FONT} (Debian: apt-get install fonts-dejavu-core)`);
const problems: Problem[] = [];
for (const source of readMarkdownFiles(path.join(contentDir, 'van-ban'), documentContract, problems)) {
  const fm = source.frontMatter;
  for (const [index, href] of fm.tep.entries()) {
    const file = attachmentPath(contentDir, source.file, href);
    if (existsSync(file) || !file.endsWith('.pdf')) continue;
    await writePdf(file, {
      heading: index === 0 ? fm.loai : 'Phụ lục',
      issuer: fm.co_quan_ban_hanh,
      number: fm.so_ky_hieu,
      lines: [
        `Bắc Kạn, ngày ${fm.ngay_ban_hanh.split('-').reverse().join('/')}`,
        fm.trich_yeu,
        index === 0 ? 'Nội dung văn bản được đăng tải để người dân và doanh nghiệp tra cứu.' : 'Biểu mẫu kèm theo văn bản.',
        fm.nguoi_ky ? `Người ký: ${fm.nguoi_ky}` : '',
      ].filter(Boolean),
    });
  }
}
for (const source of readMarkdownFiles(path.join(contentDir, 'pages'), pageContract, problems)) {
  for (const match of source.body.matchAll(/\]\((\.[^)\s]+\.pdf)\)/g)) {
    const file = attachmentPath(contentDir, source.file, match[1]);
    if (existsSync(file)) continue;
    await writePdf(file, {
      heading: source.frontMatter.title,
      issuer: 'Văn phòng UBND tỉnh Bắc Kạn',
      lines: [source.frontMatter.summary ?? '', 'Bản để in của trang trên cổng thông tin.'].filter(Boolean),
    });
  }
}
for (const problem of problems) console.warn(problem.message);
