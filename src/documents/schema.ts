import { z } from 'zod';
import type { FrontMatterContract } from '../content/index.ts';
// The schema module itself, not the content barrel (fs, sharp): the web editor's browser bundle reads this file.
import { isoDate } from '../content/schema.ts';
import { slugify } from '../slugs/index.ts';

/** Whether a document is in force, as `trang_thai:` says it ("còn hiệu lực" is read as con-hieu-luc). */
export const DOCUMENT_STATUSES = ['con-hieu-luc', 'het-hieu-luc'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

const text = z.string().trim().min(1);

/** Front matter of an official document (content/van-ban/): the contract with editors. */
export const documentFrontMatterSchema = z
  .object({
    so_ky_hieu: text,
    loai: text,
    co_quan_ban_hanh: text,
    ngay_ban_hanh: isoDate,
    ngay_hieu_luc: isoDate.optional(),
    nguoi_ky: text.optional(),
    linh_vuc: text.optional(),
    trich_yeu: text,
    tep: z.union([text.transform((file) => [file]), z.array(text).min(1)]),
    trang_thai: z.preprocess(
      (value) => (typeof value === 'string' ? slugify(value) : value),
      z.enum(DOCUMENT_STATUSES).default('con-hieu-luc'),
    ),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang')
      .optional(),
    /** When the document goes out on the portal; later than the build, it is scheduled. */
    date: isoDate.optional(),
    draft: z.boolean().default(false),
    aliases: z.array(z.string().regex(/^\/.*/, 'phải bắt đầu bằng dấu /')).default([]),
  })
  .strict();

export type DocumentFrontMatter = z.infer<typeof documentFrontMatterSchema>;

export const documentFieldHints: Record<string, string> = {
  so_ky_hieu: 'số, ký hiệu của văn bản, ví dụ: so_ky_hieu: "123/QĐ-UBND"',
  loai: 'loại văn bản, một trong documentTypes của content/_data/site.yaml, ví dụ: loai: Quyết định',
  co_quan_ban_hanh: 'cơ quan ban hành, ví dụ: co_quan_ban_hanh: UBND tỉnh Bắc Kạn',
  ngay_ban_hanh: 'ngày ban hành, ví dụ: ngay_ban_hanh: "2026-03-15"',
  ngay_hieu_luc: 'ngày có hiệu lực (không bắt buộc), ví dụ: ngay_hieu_luc: "2026-04-01"',
  nguoi_ky: 'họ tên và chức vụ người ký, ví dụ: nguoi_ky: "Nguyễn Văn A – Chủ tịch"',
  linh_vuc: 'lĩnh vực, ví dụ: linh_vuc: Giáo dục',
  trich_yeu: 'trích yếu nội dung văn bản, ví dụ: trich_yeu: "Về việc ban hành kế hoạch …"',
  tep: 'tệp văn bản, đường dẫn tính từ tệp Markdown, ví dụ: tep: ./123-qd-ubnd.pdf hoặc tep: [./a.pdf, ./phu-luc.xlsx]',
  trang_thai: 'tình trạng hiệu lực: con-hieu-luc (mặc định) hoặc het-hieu-luc',
  slug: 'phần cuối địa chỉ trang văn bản; bỏ trống thì lấy từ số ký hiệu, ví dụ: 123-qd-ubnd',
  date: 'ngày đăng lên cổng theo ISO 8601; ngày trong tương lai thì văn bản được hẹn giờ',
  draft: 'true nếu là bản nháp (không xuất bản), false hoặc bỏ trống nếu xuất bản',
  aliases: 'danh sách địa chỉ cũ của văn bản, ví dụ: aliases: ["/van-ban/chi-tiet.aspx"]',
};

/** The web editor's Vietnamese label of each field. */
export const documentFieldLabels: Record<string, string> = {
  so_ky_hieu: 'Số, ký hiệu',
  loai: 'Loại văn bản',
  co_quan_ban_hanh: 'Cơ quan ban hành',
  ngay_ban_hanh: 'Ngày ban hành',
  ngay_hieu_luc: 'Ngày có hiệu lực',
  nguoi_ky: 'Người ký',
  linh_vuc: 'Lĩnh vực',
  trich_yeu: 'Trích yếu',
  tep: 'Tệp văn bản',
  trang_thai: 'Tình trạng hiệu lực',
  slug: 'Đường dẫn',
  date: 'Ngày đăng',
  draft: 'Bản nháp',
  aliases: 'Địa chỉ cũ',
};

export const documentContract: FrontMatterContract<DocumentFrontMatter> = {
  kind: 'document',
  schema: documentFrontMatterSchema,
  hints: documentFieldHints,
  required: 'so_ky_hieu, loai, co_quan_ban_hanh, ngay_ban_hanh, trich_yeu, tep',
};
