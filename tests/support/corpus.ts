import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { slugify } from '../../src/slugs/index.ts';
import { seededRandom } from '../../scripts/random.ts';

/**
 * A deterministic corpus of Vietnamese articles for checks at scale: the same
 * seed always writes the same files. Articles spread over 15 years and every
 * category of the site settings, with tags, lead images, sub-headings, lists,
 * internal and external links and photos in the body.
 */
export interface CorpusOptions {
  /** The content folder to fill: articles go to `articles/<year>/`. */
  contentDir: string;
  articles: number;
  /** Category slugs of the site settings. */
  categories: string[];
  /** Image file names available under `/images/`. */
  images: string[];
  seed?: number;
}

const SUBJECTS = [
  'UBND tỉnh',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Hội đồng nhân dân tỉnh',
  'Ban Chỉ đạo phòng, chống thiên tai',
  'Công an tỉnh',
  'Bộ Chỉ huy Quân sự tỉnh',
  'Huyện Ba Bể',
  'Huyện Na Rì',
  'Thành phố Bắc Kạn',
  'Mặt trận Tổ quốc tỉnh',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Đoàn công tác của tỉnh',
  'Liên đoàn Lao động tỉnh',
];
const ACTIONS = [
  'tổ chức hội nghị về',
  'triển khai kế hoạch',
  'kiểm tra tiến độ',
  'sơ kết công tác',
  'tổng kết chương trình',
  'đẩy mạnh',
  'ra quân hưởng ứng',
  'tập huấn nghiệp vụ',
  'làm việc với các đơn vị về',
  'đánh giá kết quả',
];
const TOPICS = [
  'xây dựng nông thôn mới',
  'giảm nghèo bền vững',
  'chuyển đổi số',
  'phòng, chống dịch bệnh',
  'trồng rừng',
  'cải cách hành chính',
  'phát triển du lịch cộng đồng',
  'sản phẩm OCOP',
  'giải ngân vốn đầu tư công',
  'an toàn giao thông',
  'bảo vệ môi trường',
  'khám chữa bệnh cho người dân',
  'năm học mới',
  'phòng cháy, chữa cháy',
  'bảo tồn di sản văn hóa',
  'hỗ trợ doanh nghiệp',
  'đào tạo nghề cho lao động nông thôn',
  'xây dựng Đảng',
  'diễn tập khu vực phòng thủ',
  'cấp nước sạch',
];
const PLACES = ['Chợ Đồn', 'Bạch Thông', 'Ngân Sơn', 'Pác Nặm', 'Chợ Mới', 'Ba Bể', 'Na Rì', 'thành phố Bắc Kạn'];
const TAGS = [
  'Nông thôn mới',
  'Giảm nghèo',
  'Chuyển đổi số',
  'Y tế cơ sở',
  'Giáo dục',
  'Du lịch',
  'OCOP',
  'Đầu tư công',
  'Cải cách hành chính',
  'Môi trường',
  'Quốc phòng',
  'An ninh trật tự',
  'Lâm nghiệp',
  'Văn hóa',
  'Thanh niên',
  'Phụ nữ',
  'Doanh nghiệp',
  'Hạ tầng giao thông',
  'Phòng chống thiên tai',
  'Xây dựng Đảng',
  'Hội đồng nhân dân',
  'Lao động việc làm',
  'Đồng bào dân tộc thiểu số',
  'Ba Bể',
];
const SENTENCES = [
  'Hội nghị đã đánh giá kết quả đạt được trong thời gian qua, đồng thời chỉ ra những tồn tại, hạn chế cần khắc phục.',
  'Các đại biểu tập trung thảo luận, đề xuất nhiều giải pháp thiết thực để hoàn thành các chỉ tiêu đề ra.',
  'Lãnh đạo tỉnh yêu cầu các sở, ngành và địa phương phối hợp chặt chẽ, bám sát cơ sở trong quá trình triển khai.',
  'Đến nay, nhiều xã đã hoàn thành các tiêu chí, đời sống vật chất và tinh thần của người dân từng bước được nâng lên.',
  'Công tác tuyên truyền được chú trọng, giúp người dân hiểu rõ chủ trương và tích cực tham gia thực hiện.',
  'Nguồn vốn được phân bổ kịp thời, ưu tiên cho các công trình hạ tầng thiết yếu ở vùng đặc biệt khó khăn.',
  'Đoàn công tác đã kiểm tra thực tế tại một số mô hình sản xuất hiệu quả của hợp tác xã trên địa bàn.',
  'Trong năm, toàn tỉnh tổ chức hàng trăm lớp tập huấn cho cán bộ cơ sở và người lao động.',
  'Ủy ban nhân dân tỉnh giao các đơn vị liên quan rà soát, tham mưu điều chỉnh kế hoạch phù hợp với tình hình thực tế.',
  'Người dân vùng cao phấn khởi khi con đường bê tông mới về tận thôn, thuận lợi cho việc đi lại và tiêu thụ nông sản.',
  'Kết thúc hội nghị, các tập thể, cá nhân có thành tích xuất sắc đã được khen thưởng.',
  'Mục tiêu đến cuối năm là hoàn thành toàn bộ khối lượng công việc, bảo đảm chất lượng và tiến độ.',
];
const HEADINGS = [
  'Kết quả nổi bật',
  'Những khó khăn, vướng mắc',
  'Nhiệm vụ thời gian tới',
  'Ý kiến của đại biểu',
  'Giải pháp trọng tâm',
];
const AUTHORS = ['Thu Cúc', 'Minh Hằng', 'Hoàng Anh', 'Lê Thắm', 'Quốc Việt', 'Ngọc Mai', 'Nông Dung', 'Triệu Hải'];
const EXTERNAL = ['https://chinhphu.vn/', 'https://baochinhphu.vn/', 'https://dichvucong.gov.vn/'];

/** Writes the corpus' Markdown files; returns their slugs, newest last. */
export function writeCorpus({ contentDir, articles, categories, images, seed = 2024 }: CorpusOptions): string[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const slugs: string[] = [];
  const titles = new Set<string>();
  const start = Date.UTC(2011, 11, 1);
  const span = Date.UTC(2026, 10, 1) - start;

  for (let i = 0; i < articles; i++) {
    // Spread evenly over 15 years, with jitter, so months and years all have articles.
    const published = new Date(start + Math.floor(((i + rand() * 0.9) / articles) * span));
    let title = `${pick(SUBJECTS)} ${pick(ACTIONS)} ${pick(TOPICS)}`;
    if (rand() < 0.4) title += ` tại ${pick(PLACES)}`;
    if (titles.has(title)) title += ` năm ${published.getUTCFullYear()}`;
    if (titles.has(title)) title += ` (đợt ${i})`;
    titles.add(title);
    const slug = `${slugify(title).slice(0, 60).replace(/-+$/, '')}-${i}`;
    const tags = [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(TAGS)))];
    const iso = published.toISOString().replace(/\.\d{3}Z$/, '+00:00');

    const lines = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `date: "${iso}"`,
      `author: ${pick(AUTHORS)}`,
      `category: ${pick(categories)}`,
      `tags: ${JSON.stringify(tags)}`,
    ];
    if (rand() < 0.2)
      lines.push(`modified: "${new Date(published.getTime() + 86_400_000 * (1 + Math.floor(rand() * 30))).toISOString()}"`);
    if (rand() < 0.3) lines.push(`summary: ${JSON.stringify(`${pick(SENTENCES)} ${pick(SENTENCES)}`)}`);
    if (images.length && rand() < 0.4) {
      lines.push('image:', `  src: /images/${pick(images)}`, `  alt: ${JSON.stringify(`Ảnh: ${title}`)}`);
      if (rand() < 0.7) lines.push(`  caption: ${JSON.stringify(pick(HEADINGS))}`);
    }
    lines.push('---');

    const body: string[] = [];
    const paragraphs = 3 + Math.floor(rand() * 6);
    for (let p = 0; p < paragraphs; p++) {
      if (p === 2 && rand() < 0.6) body.push(`## ${pick(HEADINGS)}`);
      let text = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SENTENCES)).join(' ');
      if (p === 1 && slugs.length && rand() < 0.5) text += ` Xem thêm [tin liên quan](/tin-tuc/${pick(slugs)}/).`;
      if (p === 1 && rand() < 0.3) text += ` Chi tiết tại [trang của Chính phủ](${pick(EXTERNAL)}).`;
      body.push(text);
      if (p === 2 && rand() < 0.4)
        body.push(
          [
            '- Nâng cao chất lượng công tác tham mưu.',
            '- Tăng cường kiểm tra, giám sát.',
            '- Huy động nguồn lực xã hội hóa.',
          ].join('\n'),
        );
      if (p === 3 && images.length && rand() < 0.2)
        body.push(`![Hoạt động tại ${pick(PLACES)}](/images/${pick(images)} "${pick(HEADINGS)}")`);
    }
    const file = path.join(contentDir, 'articles', String(published.getUTCFullYear()), `${slug}.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${lines.join('\n')}\n${body.join('\n\n')}\n`);
    slugs.push(slug);
  }
  return slugs;
}

/** Copies every file of `from` into `to` (images of the sample site, say). */
export function copyFiles(from: string, to: string): string[] {
  mkdirSync(to, { recursive: true });
  const names = readdirSync(from).sort();
  for (const name of names) copyFileSync(path.join(from, name), path.join(to, name));
  return names;
}
