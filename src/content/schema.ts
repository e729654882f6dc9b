import { z } from 'zod';
import { parseVietnamDate } from '../dates/index.ts';

const isoDate = z
  .string({ invalid_type_error: 'phải là ngày theo ISO 8601 đặt trong dấu nháy, ví dụ: "2018-08-06T09:47:32+07:00"' })
  .refine((text) => parseVietnamDate(text) !== null, {
    message: 'không phải ngày hợp lệ theo ISO 8601',
  });

/** Front matter of an article: the contract with editors. */
export const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1),
    date: isoDate,
    author: z.string().trim().min(1),
    tags: z.array(z.string().trim().min(1)).default([]),
    category: z.string().trim().min(1).optional(),
    summary: z.string().trim().min(1).optional(),
    image: z
      .object({
        src: z.string().trim().min(1),
        alt: z.string().trim().min(1),
        caption: z.string().trim().optional(),
      })
      .strict()
      .optional(),
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

/** What each field accepts, shown after the problem so the editor knows the fix. */
export const fieldHints: Record<string, string> = {
  title: 'tiêu đề bài viết, ví dụ: title: "Hội nghị sơ kết 03 năm"',
  date: 'ngày đăng theo ISO 8601, ví dụ: date: "2018-08-06T09:47:32+07:00"; không ghi múi giờ thì hiểu là giờ Việt Nam',
  author: 'tên tác giả, ví dụ: author: "Thu Cúc"',
  tags: 'danh sách từ khóa, ví dụ: tags: ["Nông thôn mới", "Giảm nghèo"]',
  category: 'slug của một chuyên mục trong content/_data/site.yaml',
  summary: 'một đoạn tóm tắt ngắn; bỏ trống thì lấy đoạn đầu bài',
  image: 'ảnh đầu bài: image: { src: "/images/anh.jpg", alt: "mô tả ảnh", caption: "chú thích" }',
  'image.src': 'đường dẫn tới tệp ảnh, ví dụ: /images/anh.jpg',
  'image.alt': 'mô tả nội dung ảnh cho người khiếm thị (bắt buộc khi có ảnh)',
  'image.caption': 'chú thích ảnh hiển thị dưới ảnh',
  modified: 'ngày cập nhật theo ISO 8601, sau ngày đăng',
  draft: 'true nếu là bản nháp (không xuất bản), false hoặc bỏ trống nếu xuất bản',
  slug: 'phần cuối địa chỉ bài viết, ví dụ: slug: "hoi-nghi-so-ket"',
  aliases: 'danh sách địa chỉ cũ của bài, ví dụ: aliases: ["/tin-tuc/ten-cu/"]',
  featured: 'true để đưa bài lên mục "Tin nổi bật" đầu trang chủ; bỏ trống hoặc false nếu không',
  featuredUntil:
    'hết nổi bật từ thời điểm này (giờ Việt Nam, như date), có hiệu lực ở lần dựng sau đó, ví dụ: featuredUntil: "2026-12-31T17:00:00+07:00"; bỏ trống thì nổi bật cho tới khi bỏ featured',
  featuredOrder: 'thứ tự giữa các bài nổi bật, số nguyên từ 1 (1 là tin chính); bỏ trống thì bài mới hơn đứng trước',
};
