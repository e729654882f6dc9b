/** Why a photo can't be published; the content loader turns it into a Problem naming the article. */
export type ImageErrorKind = 'missing' | 'corrupt' | 'unsupported';

export class ImageError extends Error {
  constructor(
    readonly kind: ImageErrorKind,
    /** What was found: the real format, or the decoder's complaint. */
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'ImageError';
  }
}

const formatNames: Record<string, string> = {
  gif: 'GIF',
  svg: 'SVG',
  heif: 'HEIC',
  jp2k: 'JPEG 2000',
  jxl: 'JPEG XL',
  pdf: 'PDF',
  raw: 'RAW',
};

/** The editor-facing message for an image that failed, naming the image as the editor wrote it. */
export function imageErrorMessage(error: ImageError, src: string): string {
  switch (error.kind) {
    case 'missing':
      return `không tìm thấy tệp ảnh "${src}" (đã tìm ${error.detail}); hãy kiểm tra tên tệp, đặt ảnh cạnh bài viết hoặc vào content/images/ và ghi "/images/tên-ảnh.jpg"`;
    case 'corrupt':
      return `tệp ảnh "${src}" bị hỏng hoặc không phải là ảnh (${error.detail}); hãy xuất lại ảnh từ máy ảnh hoặc phần mềm chỉnh ảnh dưới dạng JPEG`;
    case 'unsupported':
      return `ảnh "${src}" có định dạng ${formatNames[error.detail] ?? error.detail.toUpperCase()}, không được hỗ trợ; hãy lưu ảnh dưới dạng JPEG, PNG, WebP hoặc AVIF`;
  }
}
