/**
 * The search relevance set: articles planted among the generated ones, each a
 * trap for one Vietnamese look-alike (thôn/thông, Đảng/đang/đăng, Ba Bể/bệnh/
 * bà bế, Đà Nẵng/đa năng, the two tone-mark placements, qui/quy), and the
 * queries a reader would type for them, with the phrase meant and the planted
 * articles that deserve first place. Written for this project.
 */
export interface PlantedArticle {
  slug: string;
  title: string;
  category: string;
  date: string;
  /** The article's own paragraphs; the generator adds two of its own after them. */
  paragraphs: string[];
}

export const plantedArticles: PlantedArticle[] = [
  {
    slug: 'dang-uy-xa-nam-mau-nghi-quyet-du-lich',
    title: 'Đảng ủy xã Nam Mẫu ra nghị quyết về phát triển du lịch',
    category: 'chinh-tri',
    date: '2024-03-12T09:00:00+07:00',
    paragraphs: [
      'Đảng ủy xã Nam Mẫu vừa ban hành nghị quyết chuyên đề về phát triển du lịch cộng đồng giai đoạn 2024 - 2030.',
      'Theo nghị quyết, mỗi chi bộ thôn phân công đảng viên phụ trách từng nhóm hộ làm dịch vụ homestay.',
    ],
  },
  {
    slug: 'nguon-von-dang-uy-thac-qua-ngan-hang',
    title: 'Nguồn vốn đang ủy thác qua ngân hàng chính sách tăng mạnh',
    category: 'kinh-te',
    date: '2023-07-04T10:00:00+07:00',
    paragraphs: [
      'Tổng nguồn vốn ngân sách địa phương đang ủy thác qua Ngân hàng Chính sách xã hội đạt hơn 120 tỷ đồng.',
      'Các hộ vay vốn đều đăng ký phương án sản xuất cụ thể, được tổ tiết kiệm và vay vốn thôn giám sát.',
    ],
  },
  {
    slug: 'cu-tri-dang-ky-phat-bieu-uy-ban-tra-loi',
    title: 'Cử tri đăng ký phát biểu, Ủy ban trả lời ngay tại hội nghị',
    category: 'chi-dao-dieu-hanh',
    date: '2022-11-20T15:00:00+07:00',
    paragraphs: [
      'Nhiều cử tri đăng ký phát biểu về những vấn đề đang được quan tâm như đất đai, giải phóng mặt bằng.',
      'Đại diện Ủy ban nhân dân huyện trả lời trực tiếp; số kiến nghị giảm đáng kể so với kỳ trước.',
    ],
  },
  {
    slug: 'thon-na-pai-co-duong-be-tong-moi',
    title: 'Thôn Nà Pài có đường bê tông mới',
    category: 'kinh-te',
    date: '2021-05-18T08:30:00+07:00',
    paragraphs: [
      'Sau ba tháng thi công, tuyến đường bê tông dài 2,4 km vào thôn Nà Pài đã hoàn thành.',
      'Người dân thôn Nà Pài góp hơn 800 ngày công và hiến đất để mở rộng mặt đường.',
    ],
  },
  {
    slug: 'thong-tin-giao-thong-qua-deo-na-pai',
    title: 'Thông tin giao thông qua đèo Nà Pài mùa mưa lũ',
    category: 'quoc-phong-an-ninh',
    date: '2021-08-02T07:15:00+07:00',
    paragraphs: [
      'Lực lượng cảnh sát giao thông thông báo phân luồng qua đèo Nà Pài do sạt lở cục bộ.',
      'Các phương tiện được khuyến cáo đi chậm, tuân thủ biển báo và hướng dẫn của lực lượng chức năng.',
    ],
  },
  {
    slug: 'ho-ba-be-vao-mua-nuoc-noi',
    title: 'Hồ Ba Bể vào mùa nước nổi',
    category: 'van-hoa-xa-hoi',
    date: '2023-09-09T16:00:00+07:00',
    paragraphs: [
      'Những ngày này, mực nước hồ Ba Bể dâng cao, thuyền độc mộc lại tấp nập đưa khách qua các bản ven hồ.',
      'Ban quản lý Vườn quốc gia Ba Bể khuyến cáo du khách mặc áo phao khi đi thuyền.',
    ],
  },
  {
    slug: 'ba-ca-benh-tre-em-duoc-chua-khoi',
    title: 'Ba ca bệnh trẻ em được chữa khỏi tại bệnh viện tuyến huyện',
    category: 'y-te',
    date: '2024-01-22T11:00:00+07:00',
    paragraphs: [
      'Bệnh viện đa khoa huyện vừa điều trị thành công ba ca bệnh viêm phổi nặng ở trẻ em, trong đó có một em bé mới 5 tháng tuổi.',
      'Các bác sĩ khuyến cáo phụ huynh đưa trẻ đi khám sớm khi có dấu hiệu sốt cao, khó thở.',
    ],
  },
  {
    slug: 'ba-be-chau-di-tiem-chung',
    title: 'Bà bế cháu đi tiêm chủng mở rộng',
    category: 'y-te',
    date: '2022-04-14T08:00:00+07:00',
    paragraphs: [
      'Sáng sớm, nhiều bà bế cháu đến trạm y tế xã để tiêm chủng mở rộng theo lịch.',
      'Trạm y tế bố trí khu chờ có mái che và nhân viên hướng dẫn ghi sổ tiêm chủng.',
    ],
  },
  {
    slug: 'hoc-tap-kinh-nghiem-chinh-quyen-so-tai-da-nang',
    title: 'Học tập kinh nghiệm chính quyền số tại Đà Nẵng',
    category: 'chi-dao-dieu-hanh',
    date: '2022-06-10T14:00:00+07:00',
    paragraphs: [
      'Đoàn công tác của tỉnh đã làm việc với thành phố Đà Nẵng về kinh nghiệm xây dựng chính quyền số.',
      'Đà Nẵng chia sẻ cách kết nối cơ sở dữ liệu dùng chung giữa các sở, ngành.',
    ],
  },
  {
    slug: 'doan-cong-tac-lam-viec-tai-da-nang',
    title: 'Đoàn công tác của tỉnh làm việc tại Đà Nẵng về thu hút đầu tư',
    category: 'kinh-te',
    date: '2024-10-03T09:30:00+07:00',
    paragraphs: [
      'Tại Đà Nẵng, đoàn đã gặp gỡ các nhà đầu tư quan tâm đến du lịch sinh thái và chế biến nông sản.',
      'Hai bên thống nhất trao đổi thông tin thường xuyên về các dự án kêu gọi đầu tư.',
    ],
  },
  {
    slug: 'du-khach-da-nang-den-voi-ba-be',
    title: 'Du khách Đà Nẵng đến với Ba Bể',
    category: 'van-hoa-xa-hoi',
    date: '2025-06-21T09:00:00+07:00',
    paragraphs: [
      'Chuyến bay thẳng giúp ngày càng nhiều du khách từ Đà Nẵng tìm đến vùng hồ phía bắc của tỉnh.',
      'Các công ty lữ hành Đà Nẵng đã ký kết đưa khách đến Ba Bể quanh năm.',
    ],
  },
  {
    slug: 'xay-nha-van-hoa-da-nang-cho-thon-vung-cao',
    title: 'Xây nhà văn hóa đa năng cho thôn vùng cao',
    category: 'van-hoa-xa-hoi',
    date: '2023-02-27T10:00:00+07:00',
    paragraphs: [
      'Nhà văn hóa đa năng của thôn Khuổi Bốc được khánh thành, là nơi sinh hoạt cộng đồng và điểm tránh trú khi mưa lũ.',
      'Công trình do người dân đóng góp công sức cùng nguồn vốn lồng ghép các chương trình.',
    ],
  },
  {
    slug: 'san-the-thao-da-nang-phuc-vu-thanh-nien',
    title: 'Sân thể thao đa năng phục vụ thanh niên',
    category: 'van-hoa-xa-hoi',
    date: '2025-04-05T17:00:00+07:00',
    paragraphs: [
      'Sân thể thao đa năng được Tỉnh đoàn bàn giao cho đoàn viên, thanh niên địa phương quản lý, sử dụng.',
      'Sân có thể chơi bóng chuyền, cầu lông và tổ chức các hoạt động văn nghệ.',
    ],
  },
  {
    slug: 'day-manh-xa-hoi-hoa-giao-duc-mam-non',
    title: 'Đẩy mạnh xã hội hoá giáo dục mầm non',
    category: 'giao-duc',
    date: '2024-08-20T08:00:00+07:00',
    paragraphs: [
      'Công tác xã hội hoá giáo dục mầm non giúp nhiều điểm trường có thêm phòng học và đồ chơi ngoài trời.',
      'Các trường công khai khoản đóng góp tự nguyện và sử dụng đúng mục đích.',
    ],
  },
  {
    slug: 'kien-co-hoa-kenh-muong-thuy-loi',
    title: 'Kiên cố hoá kênh mương thuỷ lợi nội đồng',
    category: 'kinh-te',
    date: '2023-12-01T09:00:00+07:00',
    paragraphs: [
      'Năm nay, huyện kiên cố hoá hơn 12 km kênh mương thuỷ lợi, bảo đảm nước tưới cho vụ xuân.',
      'Các hợp tác xã dùng nước được giao quản lý, bảo trì công trình thuỷ lợi sau khi bàn giao.',
    ],
  },
  {
    slug: 'nang-cap-cong-trinh-thuy-loi-nam-cat',
    title: 'Nâng cấp công trình thủy lợi Nặm Cắt',
    category: 'kinh-te',
    date: '2025-02-13T10:00:00+07:00',
    paragraphs: [
      'Công trình thủy lợi Nặm Cắt được nâng cấp đập đầu mối và hệ thống kênh dẫn.',
      'Sau nâng cấp, diện tích lúa được tưới chủ động tăng thêm 40 héc-ta.',
    ],
  },
  {
    slug: 'thu-ngan-sach-qui-i-tang-kha',
    title: 'Thu ngân sách quí I tăng khá',
    category: 'chi-dao-dieu-hanh',
    date: '2024-04-08T15:30:00+07:00',
    paragraphs: [
      'Thu ngân sách nhà nước trên địa bàn quí I đạt 28% dự toán, tăng 11% so với cùng kỳ.',
      'Ngành thuế tiếp tục rà soát, chống thất thu đối với hoạt động kinh doanh thương mại điện tử.',
    ],
  },
  {
    slug: 'giai-ngan-von-dau-tu-cong-quy-ii',
    title: 'Giải ngân vốn đầu tư công quý II vượt kế hoạch',
    category: 'chi-dao-dieu-hanh',
    date: '2025-07-06T09:00:00+07:00',
    paragraphs: [
      'Giải ngân vốn đầu tư công quý II đạt 52% kế hoạch năm, cao hơn bình quân cả nước.',
      'Các chủ đầu tư được yêu cầu hoàn thiện hồ sơ thanh toán ngay khi có khối lượng nghiệm thu.',
    ],
  },
  {
    slug: 'cham-soc-suc-khoe-nguoi-cao-tuoi',
    title: 'Chăm sóc sức khoẻ người cao tuổi tại trạm y tế xã',
    category: 'y-te',
    date: '2023-10-01T08:00:00+07:00',
    paragraphs: [
      'Trạm y tế xã lập hồ sơ theo dõi sức khoẻ người cao tuổi, khám định kỳ mỗi quý một lần.',
      'Hội Người cao tuổi phối hợp vận động hội viên tham gia bảo hiểm y tế.',
    ],
  },
  {
    slug: 'nhieu-du-an-dang-cham-tien-do',
    title: 'Nhiều dự án đang chậm tiến độ giải ngân',
    category: 'chi-dao-dieu-hanh',
    date: '2024-09-15T14:00:00+07:00',
    paragraphs: [
      'Theo báo cáo, 14 dự án đang chậm tiến độ do vướng mắc giải phóng mặt bằng và thủ tục đất rừng.',
      'UBND tỉnh yêu cầu chủ đầu tư lập kế hoạch xử lý dứt điểm từng vướng mắc.',
    ],
  },
  {
    slug: 'dang-ky-kinh-doanh-qua-mang-tang-manh',
    title: 'Đăng ký kinh doanh qua mạng tăng mạnh',
    category: 'kinh-te',
    date: '2025-05-20T10:00:00+07:00',
    paragraphs: [
      'Số hồ sơ đăng ký kinh doanh qua mạng chiếm hơn 90% tổng số hồ sơ nộp tại Sở Kế hoạch và Đầu tư.',
      'Thời gian cấp giấy chứng nhận đăng ký kinh doanh rút ngắn còn hai ngày làm việc.',
    ],
  },
];

export interface RelevanceQuery {
  /** What the reader types (NFD where the set says so). */
  query: string;
  /** The phrase(s) the reader meant, with accents: the articles holding one are the relevant ones. */
  meant: string[];
  /** Planted articles that deserve first place; any other article whose title holds a meant phrase does too. */
  first: string[];
}

const nfd = (text: string) => text.normalize('NFD');
const q = (query: string, meant: string | string[], first: string[] = []): RelevanceQuery => ({
  query,
  meant: Array.isArray(meant) ? meant : [meant],
  first,
});

const NAM_MAU = 'dang-uy-xa-nam-mau-nghi-quyet-du-lich';
const UY_THAC = 'nguon-von-dang-uy-thac-qua-ngan-hang';
const NA_PAI = 'thon-na-pai-co-duong-be-tong-moi';
const HO_BA_BE = 'ho-ba-be-vao-mua-nuoc-noi';
const BA_BE_CHAU = 'ba-be-chau-di-tiem-chung';
const DA_NANG = [
  'hoc-tap-kinh-nghiem-chinh-quyen-so-tai-da-nang',
  'doan-cong-tac-lam-viec-tai-da-nang',
  'du-khach-da-nang-den-voi-ba-be',
];
const NHA_DA_NANG = 'xay-nha-van-hoa-da-nang-cho-thon-vung-cao';
const SAN_DA_NANG = 'san-the-thao-da-nang-phuc-vu-thanh-nien';
const MAM_NON = 'day-manh-xa-hoi-hoa-giao-duc-mam-non';
const KENH_MUONG = 'kien-co-hoa-kenh-muong-thuy-loi';
const NAM_CAT = 'nang-cap-cong-trinh-thuy-loi-nam-cat';
const QUI_I = 'thu-ngan-sach-qui-i-tang-kha';
const QUY_II = 'giai-ngan-von-dau-tu-cong-quy-ii';
const CAO_TUOI = 'cham-soc-suc-khoe-nguoi-cao-tuoi';
const CHAM_TIEN_DO = 'nhieu-du-an-dang-cham-tien-do';
const DANG_KY = 'dang-ky-kinh-doanh-qua-mang-tang-manh';

export const relevanceQueries: RelevanceQuery[] = [
  // Đảng / đang / đăng, and đ typed as d.
  q('Đảng ủy xã Nam Mẫu', 'Đảng ủy xã Nam Mẫu', [NAM_MAU]),
  q('dang uy xa nam mau', 'Đảng ủy xã Nam Mẫu', [NAM_MAU]),
  q('Đảng ủy', 'Đảng ủy', [NAM_MAU]),
  q('dang uy', 'Đảng ủy', [NAM_MAU]),
  q(nfd('Đảng ủy'), 'Đảng ủy', [NAM_MAU]),
  q('đang ủy thác', 'đang ủy thác', [UY_THAC]),
  q('dang uy thac', 'đang ủy thác', [UY_THAC]),
  q('đang chậm tiến độ', 'đang chậm tiến độ', [CHAM_TIEN_DO]),
  q('dang cham tien do', 'đang chậm tiến độ', [CHAM_TIEN_DO]),
  q('đăng ký kinh doanh', 'đăng ký kinh doanh', [DANG_KY]),
  q('dang ky kinh doanh', 'đăng ký kinh doanh', [DANG_KY]),
  q(nfd('đăng ký kinh doanh'), 'đăng ký kinh doanh', [DANG_KY]),
  // thôn / thông.
  q('thôn Nà Pài', 'thôn Nà Pài', [NA_PAI]),
  q('thon na pai', 'thôn Nà Pài', [NA_PAI]),
  q('thôn', 'thôn', [NA_PAI, NHA_DA_NANG]),
  q('thon', 'thôn', [NA_PAI, NHA_DA_NANG]),
  q('duong be tong', 'đường bê tông', [NA_PAI]),
  q('đường bê tông', 'đường bê tông', [NA_PAI]),
  q('thong tin giao thong', 'thông tin giao thông', ['thong-tin-giao-thong-qua-deo-na-pai']),
  // Ba Bể / bệnh / bà bế.
  q('hồ Ba Bể', 'hồ Ba Bể', [HO_BA_BE]),
  q('ho ba be', 'hồ Ba Bể', [HO_BA_BE]),
  q('Ba Bể', 'Ba Bể', [HO_BA_BE]),
  q('ba be', 'Ba Bể', [HO_BA_BE]),
  q(nfd('Ba Bể'), 'Ba Bể', [HO_BA_BE]),
  q('bà bế cháu', 'bà bế cháu', [BA_BE_CHAU]),
  q('ba be chau', 'bà bế cháu', [BA_BE_CHAU]),
  // Đà Nẵng / đa năng.
  q('Đà Nẵng', 'Đà Nẵng', DA_NANG),
  q('da nang', 'Đà Nẵng', DA_NANG),
  q(nfd('Đà Nẵng'), 'Đà Nẵng', DA_NANG),
  q('đa năng', 'đa năng', [NHA_DA_NANG, SAN_DA_NANG]),
  q('nhà văn hóa đa năng', 'nhà văn hóa đa năng', [NHA_DA_NANG]),
  q('nha van hoa da nang', 'nhà văn hóa đa năng', [NHA_DA_NANG]),
  q('san the thao da nang', 'sân thể thao đa năng', [SAN_DA_NANG]),
  // Both tone-mark placements, qui/quy.
  q('xã hội hóa giáo dục mầm non', 'xã hội hóa giáo dục mầm non', [MAM_NON]),
  q('xã hội hoá giáo dục mầm non', 'xã hội hóa giáo dục mầm non', [MAM_NON]),
  q('xa hoi hoa giao duc mam non', 'xã hội hóa giáo dục mầm non', [MAM_NON]),
  q('thủy lợi', 'thủy lợi', [KENH_MUONG, NAM_CAT]),
  q('thuỷ lợi', 'thủy lợi', [KENH_MUONG, NAM_CAT]),
  q(nfd('thuỷ lợi'), 'thủy lợi', [KENH_MUONG, NAM_CAT]),
  q('kiên cố hóa kênh mương', 'kiên cố hóa kênh mương', [KENH_MUONG]),
  q('thu ngân sách quý', 'thu ngân sách quý', [QUI_I]),
  q('thu ngân sách quí', 'thu ngân sách quý', [QUI_I]),
  q('vốn đầu tư công quí', 'vốn đầu tư công quý', [QUY_II]),
  q('sức khỏe người cao tuổi', 'sức khỏe người cao tuổi', [CAO_TUOI]),
  q('sức khoẻ người cao tuổi', 'sức khỏe người cao tuổi', [CAO_TUOI]),
  q('suc khoe nguoi cao tuoi', 'sức khỏe người cao tuổi', [CAO_TUOI]),
  // Phrases the generated articles use everywhere.
  q(nfd('nông thôn mới'), 'nông thôn mới'),
  q('nong thon moi', 'nông thôn mới'),
  q('chuyển đổi số', 'chuyển đổi số'),
  q('chuyen doi so', 'chuyển đổi số'),
];
