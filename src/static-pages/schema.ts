import { z } from 'zod';
import type { FrontMatterContract } from '../content/index.ts';
// The schema module itself, not the content barrel (fs, sharp): the web editor's browser bundle reads this file.
import { isoDate } from '../content/schema.ts';

/** Front matter of a static page (content/pages/): the contract with editors. */
export const pageFrontMatterSchema = z
  .object({
    title: z.string().trim().min(1),
    summary: z.string().trim().min(1).optional(),
    /** When the page goes out, like an article's `date`: later than the build, it is scheduled. */
    date: isoDate.optional(),
    modified: isoDate.optional(),
    order: z.number().int().default(100),
    menu: z.enum(['main', 'footer']).optional(),
    draft: z.boolean().default(false),
    aliases: z.array(z.string().regex(/^\/.*/, 'phải bắt đầu bằng dấu /')).default([]),
  })
  .strict();

export type PageFrontMatter = z.infer<typeof pageFrontMatterSchema>;

export const pageFieldHints: Record<string, string> = {
  title: 'tên trang, ví dụ: title: "Giới thiệu chung"',
  summary: 'một câu mô tả trang (hiện dưới tiêu đề và trong kết quả tìm kiếm); bỏ trống thì lấy đoạn đầu',
  date: 'ngày đăng theo ISO 8601, ví dụ: date: "2026-01-05T08:00:00+07:00"; ngày trong tương lai thì trang được hẹn giờ',
  modified: 'ngày cập nhật nội dung theo ISO 8601, ví dụ: modified: "2026-03-01"',
  order: 'số thứ tự khi xếp cùng các trang ngang hàng (nhỏ đứng trước), ví dụ: order: 1',
  menu: 'nơi hiện liên kết tới trang: main (menu chính) hoặc footer (chân trang); bỏ trống nếu không hiện ở đâu',
  draft: 'true nếu là bản nháp (không xuất bản), false hoặc bỏ trống nếu xuất bản',
  aliases: 'danh sách địa chỉ cũ của trang, ví dụ: aliases: ["/gioi-thieu.aspx"]',
};

/** The web editor's Vietnamese label of each field. */
export const pageFieldLabels: Record<string, string> = {
  title: 'Tên trang',
  summary: 'Mô tả ngắn',
  date: 'Ngày đăng',
  modified: 'Ngày cập nhật',
  order: 'Thứ tự',
  menu: 'Hiện trong',
  draft: 'Bản nháp',
  aliases: 'Địa chỉ cũ',
};

export const pageContract: FrontMatterContract<PageFrontMatter> = {
  kind: 'page',
  schema: pageFrontMatterSchema,
  hints: pageFieldHints,
  required: 'title',
};
