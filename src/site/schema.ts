import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ: kinh-te');

const hasProtocol = (text: string, protocols: string[]) => URL.canParse(text) && protocols.includes(new URL(text).protocol);

/** A web address readers' browsers open: only http(s), never javascript:, data: or ftp:. */
const webUrl = z
  .string()
  .refine((text) => hasProtocol(text, ['http:', 'https:']), 'phải là địa chỉ web đầy đủ bắt đầu bằng https:// hoặc http://');

/** A menu link: a web address, an e-mail or phone link, or a path on the portal ("/…"). */
const menuUrl = z
  .string()
  .min(1)
  .refine(
    (text) => hasProtocol(text, ['http:', 'https:', 'mailto:', 'tel:']) || /^\/(?!\/)/.test(text),
    'phải là đường dẫn trên cổng (bắt đầu bằng /), địa chỉ https://…, mailto:… hoặc tel:…',
  );

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

/**
 * A main-menu entry points at one thing: a static page (`page: gioi-thieu/lich-su`, its path
 * under content/pages), a category (`category: kinh-te`), or a URL (a portal path or another site).
 */
const menuEntry = z
  .object({
    label: z.string().min(1),
    url: menuUrl.optional(),
    page: z.string().min(1).optional(),
    category: slug.optional(),
  })
  .strict()
  .refine((entry) => [entry.url, entry.page, entry.category].filter(Boolean).length === 1, {
    message: 'mỗi mục menu cần đúng một trong ba trường url, page hoặc category',
  });

/** Kinds of official documents (`loai:` of content/van-ban/) when site.yaml lists none. */
export const DEFAULT_DOCUMENT_TYPES = ['Quyết định', 'Công văn', 'Kế hoạch', 'Thông báo', 'Chỉ thị', 'Nghị quyết'];

/** File types editors may attach, by extension. */
export const DEFAULT_ATTACHMENT_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'ppt', 'pptx', 'zip', 'jpg', 'png'];

/** The portal's settings, `content/_data/site.yaml`. */
export const siteSchema = z
  .object({
    name: z.string().min(1),
    shortName: z.string().min(1),
    greeting: z.string().min(1),
    description: z.string().min(1),
    baseUrl: webUrl,
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
    categories: z
      .array(category)
      .min(1)
      .superRefine((categories, context) => {
        // Two categories with one slug would write one page twice.
        categories.forEach((item, index) => {
          const first = categories.findIndex((other) => other.slug === item.slug);
          if (first < index)
            context.addIssue({
              code: 'custom',
              path: [index, 'slug'],
              message: `chuyên mục "${item.name}" có slug "${item.slug}" trùng với chuyên mục "${categories[first].name}"; mỗi chuyên mục cần một slug riêng`,
            });
        });
      }),
    menu: z.array(menuEntry).min(1),
    documentTypes: z.array(z.string().trim().min(1)).min(1).default(DEFAULT_DOCUMENT_TYPES),
    attachments: z
      .object({
        types: z.array(z.string().regex(/^[a-z0-9]+$/, 'phần mở rộng viết thường, không dấu chấm, ví dụ: pdf')).min(1),
        maxSizeMb: z.number().positive(),
      })
      .strict()
      .default({ types: DEFAULT_ATTACHMENT_TYPES, maxSizeMb: 20 }),

    feedback: z.object({
      endpoint: z
        .string()
        .refine((text) => text === '' || webUrl.safeParse(text).success, 'phải để trống hoặc là địa chỉ https://…')
        .default(''),
    }),
    // The web editor at /quan-tri/ (src/cms): published only when set.
    cms: z
      .object({
        repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'dạng chủ/tên-kho, ví dụ: so-tttt/cong-thong-tin'),
        branch: z.string().min(1).default('main'),
        authUrl: webUrl.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type SiteSettings = z.infer<typeof siteSchema>;
export type Category = SiteSettings['categories'][number];
export type MenuEntry = SiteSettings['menu'][number];

/** What each setting means and what it accepts, for error messages. */
export const siteFieldHints: Record<string, string> = {
  name: 'tên đầy đủ của cổng thông tin, là tiêu đề trang chủ',
  shortName: 'tên ngắn, dùng trong tiêu đề các trang',
  greeting: 'lời chào ở đầu mọi trang',
  description: 'mô tả ngắn của cổng thông tin, là mô tả mặc định của các trang cho máy tìm kiếm và mạng xã hội',
  baseUrl:
    'địa chỉ công khai đầy đủ, ví dụ: https://backan.gov.vn/, hoặc https://backan.gov.vn/cong-thong-tin/ khi cổng nằm trong thư mục con; khi dựng, biến môi trường SITE_URL thay địa chỉ này và PATH_PREFIX thay phần thư mục',
  allowHtml: 'true để HTML viết trong bài được dùng như HTML; mặc định false: HTML hiện như chữ thường (an toàn)',
  defaultCategory: 'slug của chuyên mục dành cho bài không ghi category; phải có trong categories',
  agency:
    'thông tin cơ quan, hiện ở chân trang và trang Liên hệ: name, address, phone, fax, email, officials; owner, responsible, licence ở chân trang',
  'agency.name': 'tên cơ quan',
  'agency.address': 'địa chỉ trụ sở',
  'agency.phone': 'số điện thoại',
  'agency.fax': 'số fax',
  'agency.email': 'địa chỉ thư điện tử của cơ quan',
  'agency.owner': 'cơ quan chủ quản, ví dụ: owner: "Ủy ban nhân dân tỉnh Bắc Kạn"',
  'agency.responsible':
    'người chịu trách nhiệm chính về nội dung, ví dụ: responsible: "Ông Nguyễn Văn Minh – Chánh Văn phòng UBND tỉnh"',
  'agency.licence':
    'giấy phép thiết lập trang thông tin điện tử, ví dụ: licence: "Giấy phép số 12/GP-STTTT ngày 15/3/2019 của Sở Thông tin và Truyền thông"',
  'agency.officials': 'danh sách người phụ trách, hiện ở trang Liên hệ; mỗi người có name, position, phone, email',
  'agency.officials.name': 'họ và tên',
  'agency.officials.position': 'chức vụ',
  'agency.officials.phone': 'số điện thoại',
  'agency.officials.email': 'địa chỉ thư điện tử',
  categories:
    'danh sách chuyên mục, mỗi mục có name, slug, description, order; viết trên một dòng { … } thì đặt mô tả có dấu phẩy trong dấu nháy',
  'categories.name': 'tên chuyên mục',
  'categories.slug':
    'phần địa chỉ của trang chuyên mục, ví dụ: kinh-te cho /chuyen-muc/kinh-te/; bài viết ghi slug này ở trường category',
  'categories.description': 'mô tả ngắn, hiện ở đầu trang chuyên mục',
  'categories.order': 'thứ tự của chuyên mục trên trang chủ và trong các danh sách, số nhỏ đứng trước',
  menu: 'danh sách mục menu chính, mỗi mục có label và một trong: page, category hoặc url; trang tĩnh có menu: main được thêm vào cuối',
  'menu.label': 'chữ hiện trên menu',
  'menu.url': 'địa chỉ mà mục trỏ tới: trên cổng, ví dụ /van-ban/, hoặc trang khác, ví dụ https://dichvucong.gov.vn/',
  'menu.page':
    'trang tĩnh mà mục trỏ tới: đường dẫn tệp trong content/pages/ không có .md, ví dụ gioi-thieu hoặc gioi-thieu/lich-su',
  'menu.category': 'slug của chuyên mục mà mục trỏ tới, ví dụ kinh-te',
  documentTypes: 'các loại văn bản được dùng trong trường loai của content/van-ban/, ví dụ: [Quyết định, Công văn, Kế hoạch]',
  attachments: 'tệp đính kèm: types và maxSizeMb',
  'attachments.types': 'phần mở rộng được phép đính kèm, viết thường, ví dụ: [pdf, docx, xlsx]',
  'attachments.maxSizeMb': 'dung lượng tối đa mỗi tệp đính kèm, tính bằng MB, ví dụ: 20',
  feedback: 'cài đặt trang Góp ý: endpoint',
  'feedback.endpoint':
    'địa chỉ nhận biểu mẫu Góp ý (gửi bằng POST), ví dụ: https://gopy.backan.gov.vn/gui; để trống thì trang Góp ý hướng dẫn gửi thư điện tử',
  cms: 'trình soạn thảo web /quan-tri/ (docs/deployment.md); không có thì bản dựng không có /quan-tri/',
  'cms.repo': 'kho GitHub nhận bài, dạng chủ/tên-kho, ví dụ: so-tttt/cong-thong-tin',
  'cms.branch': 'nhánh được công bố, mặc định main',
  'cms.authUrl': 'địa chỉ máy chủ OAuth cho biên tập viên đăng nhập GitHub; bỏ trống trên Netlify',
};

/** The name of each setting in the web editor's form (`src/cms`), by dotted path. */
export const siteFieldLabels: Record<string, string> = {
  name: 'Tên cổng thông tin',
  shortName: 'Tên ngắn',
  greeting: 'Lời chào',
  description: 'Mô tả',
  baseUrl: 'Địa chỉ công khai',
  allowHtml: 'Cho phép HTML trong bài',
  defaultCategory: 'Chuyên mục mặc định',
  agency: 'Thông tin liên hệ của cơ quan',
  'agency.name': 'Tên cơ quan',
  'agency.address': 'Địa chỉ',
  'agency.phone': 'Điện thoại',
  'agency.fax': 'Fax',
  'agency.email': 'Thư điện tử',
  'agency.owner': 'Cơ quan chủ quản',
  'agency.responsible': 'Người chịu trách nhiệm chính',
  'agency.licence': 'Giấy phép thiết lập',
  'agency.officials': 'Lãnh đạo, Ban biên tập',
  'agency.officials.name': 'Họ tên',
  'agency.officials.position': 'Chức vụ',
  'agency.officials.phone': 'Điện thoại',
  'agency.officials.email': 'Thư điện tử',
  categories: 'Chuyên mục',
  'categories.name': 'Tên chuyên mục',
  'categories.slug': 'Địa chỉ (slug)',
  'categories.description': 'Mô tả',
  'categories.order': 'Thứ tự',
  menu: 'Menu chính',
  'menu.label': 'Nhãn',
  'menu.url': 'Địa chỉ',
  'menu.page': 'Trang tĩnh',
  'menu.category': 'Chuyên mục',
  documentTypes: 'Các loại văn bản',
  attachments: 'Tệp đính kèm',
  'attachments.types': 'Loại tệp được phép',
  'attachments.maxSizeMb': 'Dung lượng tối đa (MB)',
  feedback: 'Góp ý',
  'feedback.endpoint': 'Địa chỉ nhận biểu mẫu góp ý',
  cms: 'Trình soạn thảo web',
  'cms.repo': 'Kho GitHub',
  'cms.branch': 'Nhánh',
  'cms.authUrl': 'Máy chủ đăng nhập (OAuth)',
};
