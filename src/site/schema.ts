import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ: kinh-te');

const official = z.object({
  name: z.string().min(1),
  position: z.string().min(1),
  phone: z.string().optional(),
  email: z.string().email().optional(),
});

// Strict: in a one-line YAML map an unquoted comma starts a new key, which must not vanish silently.
const category = z
  .object({
    name: z.string().min(1),
    slug,
    description: z.string().min(1),
    order: z.number().int(),
  })
  .strict();

/** The portal's settings, `content/_data/site.yaml`. */
export const siteSchema = z
  .object({
    name: z.string().min(1),
    shortName: z.string().min(1),
    greeting: z.string().min(1),
    description: z.string().min(1),
    baseUrl: z.string().url(),
    allowHtml: z.boolean().default(false),
    defaultCategory: slug,
    agency: z.object({
      name: z.string().min(1),
      address: z.string().min(1),
      phone: z.string().min(1),
      fax: z.string().optional(),
      email: z.string().email(),
      officials: z.array(official).default([]),
      // The footer's legal lines; optional so a portal still builds, but `npm run check` warns when they are missing.
      owner: z.string().trim().min(1).optional(),
      responsible: z.string().trim().min(1).optional(),
      licence: z.string().trim().min(1).optional(),
    }),
    categories: z.array(category).min(1),
    menu: z.array(z.object({ label: z.string().min(1), url: z.string().min(1) })).min(1),
    feedback: z.object({ endpoint: z.string().url().or(z.literal('')).default('') }),
  })
  .strict();

export type SiteSettings = z.infer<typeof siteSchema>;
export type Category = SiteSettings['categories'][number];

/** What each setting means and what it accepts, for error messages. */
export const siteFieldHints: Record<string, string> = {
  name: 'tên đầy đủ của cổng thông tin',
  shortName: 'tên ngắn, dùng trong tiêu đề trang',
  greeting: 'lời chào ở đầu trang',
  description: 'mô tả ngắn của cổng thông tin',
  baseUrl: 'địa chỉ đầy đủ, ví dụ: https://backan.gov.vn/',
  allowHtml: 'true để cho phép HTML trong bài viết, mặc định false',
  defaultCategory: 'slug của một chuyên mục trong categories',
  agency: 'thông tin cơ quan: name, address, phone, fax, email, officials, owner, responsible, licence',
  'agency.owner': 'cơ quan chủ quản, ví dụ: owner: "Ủy ban nhân dân tỉnh Bắc Kạn"',
  'agency.responsible':
    'người chịu trách nhiệm chính về nội dung, ví dụ: responsible: "Ông Nguyễn Văn Minh – Chánh Văn phòng UBND tỉnh"',
  'agency.licence':
    'giấy phép thiết lập trang thông tin điện tử, ví dụ: licence: "Giấy phép số 12/GP-STTTT ngày 15/3/2019 của Sở Thông tin và Truyền thông"',
  categories:
    'danh sách chuyên mục, mỗi mục có name, slug, description, order; viết trên một dòng { … } thì đặt mô tả có dấu phẩy trong dấu nháy',
  menu: 'danh sách mục menu, mỗi mục có label và url',
  feedback: 'endpoint: địa chỉ nhận biểu mẫu góp ý, hoặc để trống',
};
