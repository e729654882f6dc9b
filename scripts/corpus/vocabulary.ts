/** Phrase banks for generated Vietnamese news (scripts/corpus/generate.ts): provincial-portal register, written for this project. */

export const places = [
  'thành phố Bắc Kạn', 'huyện Ba Bể', 'huyện Bạch Thông', 'huyện Chợ Đồn', 'huyện Chợ Mới', 'huyện Na Rì',
  'huyện Ngân Sơn', 'huyện Pác Nặm', 'xã Nam Mẫu', 'xã Cao Thượng', 'xã Đồng Phúc', 'xã Quảng Khê', 'xã Côn Minh',
  'xã Cư Lễ', 'xã Văn Lang', 'xã Thanh Mai', 'xã Yên Thượng', 'xã Bằng Vân', 'xã Cốc Đán', 'xã Nghiên Loan',
  'xã Xuất Hóa', 'phường Đức Xuân', 'phường Sông Cầu', 'xã Hà Hiệu', 'xã Phúc Lộc', 'xã Khang Ninh', 'xã Quang Phong',
];

export const agencies = [
  'UBND tỉnh', 'Tỉnh ủy', 'HĐND tỉnh', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Giáo dục và Đào tạo', 'Sở Y tế',
  'Sở Kế hoạch và Đầu tư', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Lao động - Thương binh và Xã hội', 'Công an tỉnh',
  'Bộ Chỉ huy Quân sự tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh', 'Hội Nông dân tỉnh', 'Tỉnh đoàn', 'Hội Liên hiệp Phụ nữ tỉnh',
  'Ban Dân tộc tỉnh', 'Sở Tài nguyên và Môi trường', 'Sở Thông tin và Truyền thông', 'Đảng ủy Khối các cơ quan tỉnh',
];

export const officials = [
  'đồng chí Chủ tịch UBND tỉnh', 'đồng chí Bí thư Tỉnh ủy', 'đồng chí Phó Chủ tịch UBND tỉnh', 'đồng chí Chủ tịch HĐND tỉnh',
  'đồng chí Giám đốc Sở', 'đồng chí Trưởng ban Tuyên giáo Tỉnh ủy', 'đồng chí Bí thư Huyện ủy', 'đồng chí Chủ tịch UBND huyện',
];

export const events = [
  'hội nghị sơ kết', 'hội nghị tổng kết', 'buổi làm việc', 'lễ phát động', 'hội thảo', 'buổi tiếp xúc cử tri',
  'lễ ký kết chương trình phối hợp', 'đợt kiểm tra', 'phiên họp thường kỳ', 'lễ ra quân', 'buổi đối thoại',
];

export const directives = [
  'tập trung tháo gỡ khó khăn, vướng mắc', 'đẩy nhanh tiến độ thực hiện', 'tăng cường công tác tuyên truyền',
  'nâng cao chất lượng phục vụ người dân', 'rà soát, hoàn thiện hồ sơ', 'bảo đảm đúng quy định của pháp luật',
  'phối hợp chặt chẽ với các đơn vị liên quan', 'huy động các nguồn lực xã hội', 'kiểm tra, giám sát thường xuyên',
  'đề xuất giải pháp cụ thể', 'chủ động phương án ứng phó', 'chăm lo đời sống đồng bào vùng sâu, vùng xa',
];

export const results = [
  'hoàn thành vượt kế hoạch đề ra', 'đạt hơn {n}% kế hoạch năm', 'tăng {n}% so với cùng kỳ', 'được đánh giá cao',
  'có chuyển biến tích cực', 'đáp ứng yêu cầu đặt ra', 'được người dân đồng tình hưởng ứng', 'vượt {n}% chỉ tiêu',
];

export const units = ['hộ dân', 'học sinh', 'đảng viên', 'doanh nghiệp', 'hợp tác xã', 'lượt người', 'héc-ta', 'công trình', 'thôn, bản'];

/** Topics by category slug: what the articles of each category are about. */
export const topics: Record<string, string[]> = {
  'chinh-tri': [
    'công tác xây dựng Đảng', 'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'kết nạp đảng viên mới',
    'công tác kiểm tra, giám sát của Đảng', 'đại hội chi bộ nhiệm kỳ mới', 'công tác dân vận', 'sinh hoạt chi bộ',
    'thực hiện nghị quyết của Ban Chấp hành Đảng bộ tỉnh', 'công tác cán bộ', 'phong trào thi đua yêu nước',
  ],
  'kinh-te': [
    'phát triển sản phẩm OCOP', 'giải ngân vốn đầu tư công', 'trồng rừng gỗ lớn', 'mở rộng vùng cam quýt',
    'xây dựng nông thôn mới', 'thu hút đầu tư', 'phát triển hợp tác xã', 'chuyển đổi cơ cấu cây trồng',
    'tiêu thụ nông sản', 'xúc tiến thương mại', 'phát triển chăn nuôi', 'hỗ trợ doanh nghiệp nhỏ và vừa',
  ],
  'van-hoa-xa-hoi': [
    'bảo tồn hát then, đàn tính', 'phát triển du lịch cộng đồng', 'giảm nghèo bền vững', 'giải quyết việc làm',
    'chăm lo gia đình chính sách', 'xây dựng đời sống văn hóa', 'lễ hội truyền thống', 'hỗ trợ nhà ở cho hộ nghèo',
    'phong trào thể dục thể thao', 'bảo tồn di sản văn hóa',
  ],
  'giao-duc': [
    'chuẩn bị năm học mới', 'xã hội hóa giáo dục', 'bữa ăn bán trú cho học sinh', 'kỳ thi tốt nghiệp trung học phổ thông',
    'xây dựng trường đạt chuẩn quốc gia', 'bồi dưỡng giáo viên', 'chương trình giáo dục phổ thông mới',
    'phổ cập giáo dục', 'chuyển đổi số trong giáo dục',
  ],
  'y-te': [
    'khám chữa bệnh cho người dân', 'phòng chống dịch bệnh', 'tiêm chủng mở rộng', 'bảo hiểm y tế toàn dân',
    'nâng cao năng lực y tế cơ sở', 'an toàn thực phẩm', 'chăm sóc sức khỏe bà mẹ và trẻ em', 'khám sức khỏe định kỳ',
  ],
  'quoc-phong-an-ninh': [
    'tuyển chọn và gọi công dân nhập ngũ', 'diễn tập khu vực phòng thủ', 'bảo đảm trật tự an toàn giao thông',
    'phòng chống tội phạm ma túy', 'xây dựng lực lượng dân quân tự vệ', 'phòng cháy chữa cháy', 'bảo vệ an ninh biên giới',
  ],
  'chi-dao-dieu-hanh': [
    'cải cách hành chính', 'chuyển đổi số', 'sắp xếp đơn vị hành chính', 'giải ngân vốn đầu tư công',
    'phòng chống thiên tai', 'thu ngân sách nhà nước', 'xây dựng chính quyền điện tử', 'quản lý đất đai',
  ],
};

export const tags = [
  'Bắc Kạn', 'Nông thôn mới', 'Giảm nghèo', 'OCOP', 'Đầu tư công', 'Chuyển đổi số', 'Cải cách hành chính', 'Xây dựng Đảng',
  'Đại hội Đảng', 'Du lịch', 'Hát then', 'Giáo dục', 'Y tế cơ sở', 'Phòng chống dịch', 'Quốc phòng', 'An toàn giao thông',
  'Thiên tai', 'Lâm nghiệp', 'Cam quýt', 'Hợp tác xã', 'Lễ hội', 'Dân tộc thiểu số', 'Việc làm', 'Đất đai', 'Ba Bể',
  'Na Rì', 'Chợ Đồn', 'Pác Nặm', 'Ngân Sơn', 'Thanh niên', 'Phụ nữ', 'Nông dân', 'Môi trường', 'An sinh xã hội',
];

export const authors = ['Thu Cúc', 'Ngọc Sơn', 'Hoàng Lan', 'Minh Anh', 'Thu Hà', 'Văn Đức', 'Thanh Huyền', 'Quang Vinh'];
