import { z } from 'zod';
import { parseVietnamDate } from '../dates/index.ts';

export const isoDate = z
  .string({ invalid_type_error: 'phải là ngày theo ISO 8601 đặt trong dấu nháy, ví dụ: "2018-08-06T09:47:32+07:00"' })
  .refine((text) => parseVietnamDate(text) !== null, {
    message: 'không phải ngày hợp lệ theo ISO 8601',
  })
  // Before 1900 Vietnam's clocks kept local mean time (+07:06:40): such a date would be shown seconds off, and is a typo anyway.
  .refine((text) => (parseVietnamDate(text)?.year ?? 1900) >= 1900, {
    message: 'năm trước 1900; hãy kiểm tra lại năm của ngày (ví dụ "2018-08-06T09:47:32+07:00")',
  });

const articleImage = z
  .object({
    src: z.string().trim().min(1),
    alt: z.string().trim().min(1),
    caption: z.string().trim().optional(),
  })
  .strict();

/** Front matter of an article: the contract with editors. */
export const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1),
    date: isoDate,
    author: z.string().trim().min(1),
    tags: z.array(z.string().trim().min(1)).default([]),
    category: z.string().trim().min(1).optional(),
    summary: z.string().trim().min(1).optional(),
    image: articleImage.optional(),
    modified: isoDate.optional(),
    draft: z.boolean().default(false),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang')
      .optional(),
    aliases: z.array(z.string().regex(/^\/.*/, 'phải bắt đầu bằng dấu /')).default([]),
    featured: z.boolean().default(false),
    featuredUntil: isoDate.optional(),
    featuredOrder: z.number().int().min(1).optional(),
  })
  .strict();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/**
 * What is left of a front matter with errors once the fields at fault are
 * dropped: read so its other problems are found in the same pass (never published).
 */
export const lenientFrontMatterSchema = frontMatterSchema.extend({
  image: articleImage.extend({ alt: z.string().trim() }).optional(),
});

/** What each field accepts, shown after the problem so the editor knows the fix. */
export const fieldHints: Record<string, string> = {
  title: 'tiêu đề bài viết, ví dụ: title: "Hội nghị sơ kết 03 năm"',
  date: 'ngày đăng theo ISO 8601, ví dụ: date: "2018-08-06T09:47:32+07:00"; không ghi múi giờ thì hiểu là giờ Việt Nam; ngày trong tương lai là hẹn giờ: bài chỉ xuất bản khi cổng được dựng lại sau thời điểm đó',
  author: 'tên tác giả, ví dụ: author: "Thu Cúc"',
  tags: 'danh sách từ khóa, ví dụ: tags: ["Nông thôn mới", "Giảm nghèo"]; các cách viết chỉ khác chữ hoa, dấu hoặc bảng mã là cùng một từ khóa',
  category: 'slug của một chuyên mục trong content/_data/site.yaml; bỏ trống thì dùng chuyên mục defaultCategory',
  summary: 'một đoạn tóm tắt ngắn; bỏ trống thì lấy đoạn đầu bài',
  image: 'ảnh đầu bài: image: { src: "/images/anh.jpg", alt: "mô tả ảnh", caption: "chú thích" }',
  'image.src': 'đường dẫn tới tệp ảnh, ví dụ: /images/anh.jpg (trong content/images/) hoặc anh.jpg (cạnh tệp bài viết)',
  'image.alt': 'mô tả nội dung ảnh cho người khiếm thị (bắt buộc khi có ảnh)',
  'image.caption': 'chú thích ảnh hiển thị dưới ảnh',
  modified: 'ngày cập nhật theo ISO 8601, sau ngày đăng; dòng "Cập nhật lúc" của bài hiện ngày này',
  draft: 'true nếu là bản nháp: không bao giờ xuất bản, chỉ hiện khi xem trước (npm start); false hoặc bỏ trống nếu xuất bản',
  slug: 'phần cuối địa chỉ bài viết, khi muốn khác tên tệp, ví dụ: slug: "hoi-nghi-so-ket" cho địa chỉ /tin-tuc/hoi-nghi-so-ket/',
  aliases:
    'danh sách địa chỉ cũ của bài, mỗi địa chỉ bắt đầu bằng / và thành một trang chuyển hướng tới bài, ví dụ: aliases: ["/tin-tuc/ten-cu/"]',
  featured: 'true để đưa bài lên mục "Tin nổi bật" đầu trang chủ; bỏ trống hoặc false nếu không',
  featuredUntil:
    'hết nổi bật từ thời điểm này (giờ Việt Nam, như date), có hiệu lực ở lần dựng sau đó, ví dụ: featuredUntil: "2026-12-31T17:00:00+07:00"; bỏ trống thì nổi bật cho tới khi bỏ featured',
  featuredOrder: 'thứ tự giữa các bài nổi bật, số nguyên từ 1 (1 là tin chính); bỏ trống thì bài mới hơn đứng trước',
};

/** The name of each field in the web editor's form (`src/cms`). */
export const fieldLabels: Record<string, string> = {
  title: 'Tiêu đề',
  date: 'Ngày đăng (giờ Việt Nam)',
  author: 'Tác giả',
  tags: 'Từ khóa',
  category: 'Chuyên mục',
  summary: 'Tóm tắt',
  image: 'Ảnh đầu bài',
  'image.src': 'Tệp ảnh',
  'image.alt': 'Mô tả ảnh (bắt buộc khi có ảnh)',
  'image.caption': 'Chú thích ảnh',
  modified: 'Ngày cập nhật (giờ Việt Nam)',
  draft: 'Bản nháp (không xuất bản)',
  slug: 'Địa chỉ bài (slug)',
  aliases: 'Địa chỉ cũ',
  featured: 'Tin nổi bật (đầu trang chủ)',
  featuredUntil: 'Nổi bật đến (giờ Việt Nam)',
  featuredOrder: 'Thứ tự nổi bật (1 là tin chính)',
};
