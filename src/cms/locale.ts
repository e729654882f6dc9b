/** Decap's phrases, nested by screen and widget, with %{placeholders}. */
export interface Phrases {
  [key: string]: string | Phrases;
}

/**
 * Our Vietnamese for Decap, by the dotted key of its English locale: the save
 * error said plainly, and the phrases decap-cms-locales 3.x has no Vietnamese
 * for (Decap shows them in English: "Add %{item}", the rich-text toolbar…).
 */
export const DECAP_PHRASES: Record<string, string> = {
  'ui.toast.onFailToPersist': 'Chưa lưu được: %{details}',
  'editor.editorToolbar.status': 'Trạng thái: %{status}',
  'editor.editorToolbar.statusInfoTooltipDraft': 'Bài đang là bản nháp. Khi viết xong, chuyển trạng thái sang "Đang duyệt".',
  'editor.editorToolbar.statusInfoTooltipInReview': 'Bài đang chờ duyệt; bạn vẫn có thể sửa tiếp trong lúc chờ.',
  'editor.editorInterface.togglePreview': 'Bật/tắt xem trước',
  'editor.editorInterface.toggleScrollSync': 'Cuộn đồng thời',
  'editor.editorWidgets.list.add': 'Thêm %{item}',
  'editor.editorWidgets.list.addType': 'Thêm %{item}',
  'editor.editorWidgets.object.expand': 'Mở ra',
  'editor.editorWidgets.object.collapse': 'Thu gọn',
  'editor.editorWidgets.markdown.bold': 'Chữ đậm',
  'editor.editorWidgets.markdown.italic': 'Chữ nghiêng',
  'editor.editorWidgets.markdown.strikethrough': 'Gạch ngang',
  'editor.editorWidgets.markdown.code': 'Mã',
  'editor.editorWidgets.markdown.link': 'Liên kết',
  'editor.editorWidgets.markdown.linkPrompt': 'Nhập địa chỉ của liên kết',
  'editor.editorWidgets.markdown.headings': 'Tiêu đề mục',
  'editor.editorWidgets.markdown.quote': 'Trích dẫn',
  'editor.editorWidgets.markdown.bulletedList': 'Danh sách gạch đầu dòng',
  'editor.editorWidgets.markdown.numberedList': 'Danh sách đánh số',
  'editor.editorWidgets.markdown.addComponent': 'Chèn thành phần',
  'editor.editorWidgets.markdown.toggleMode.rich': 'Chuyển sang soạn thảo thường',
  'editor.editorWidgets.markdown.toggleMode.markdown': 'Chuyển sang Markdown',
  'editor.editorWidgets.image.chooseMultiple': 'Chọn các hình',
  'editor.editorWidgets.image.addMore': 'Thêm hình',
  'editor.editorWidgets.image.removeAll': 'Gỡ bỏ tất cả hình',
  'editor.editorWidgets.file.chooseMultiple': 'Chọn các tập tin',
  'editor.editorWidgets.file.addMore': 'Thêm tập tin',
  'editor.editorWidgets.file.removeAll': 'Gỡ bỏ tất cả tập tin',
  'editor.editorWidgets.datetime.setToNow': 'Đặt %{fieldLabel} là lúc này',
  // Decap's "＋" (fullwidth) is missing from the admin's fonts: it showed as an empty box.
  'collection.collectionTop.newButton': 'Thêm %{collectionLabel}',
  'collection.collectionTop.viewAs': 'Xem dạng',
  'collection.collectionTop.viewAsList': 'Danh sách',
  'collection.collectionTop.viewAsGrid': 'Lưới',
  'collection.collectionTop.groupBy': 'Nhóm theo',
  'collection.entries.unpublishedHeader': 'Chưa công bố',
  'mediaLibrary.mediaLibraryCard.copy': 'Sao chép',
  'mediaLibrary.mediaLibraryCard.copyUrl': 'Sao chép địa chỉ',
  'mediaLibrary.mediaLibraryCard.copyPath': 'Sao chép đường dẫn',
  'mediaLibrary.mediaLibraryCard.copyName': 'Sao chép tên',
  'mediaLibrary.mediaLibraryCard.copied': 'Đã sao chép',
  'mediaLibrary.mediaLibraryModal.close': 'Đóng',
};

/** `locale` with each dotted key of `phrases` set (groups made where Decap has none). */
export function withPhrases(locale: Phrases, phrases: Record<string, string>): Phrases {
  for (const [key, phrase] of Object.entries(phrases)) {
    const path = key.split('.');
    const last = path.pop() as string;
    let group = locale;
    for (const part of path) {
      if (typeof group[part] !== 'object') group[part] = {};
      group = group[part] as Phrases;
    }
    group[last] = phrase;
  }
  return locale;
}

/**
 * Decap asks in English (window.confirm, not its phrases) before an upload
 * replaces a file of the same name, and on "OK" deletes the old file from the
 * repository at once, before the entry is saved: every article showing it
 * breaks until the new one is published. Said in Vietnamese, with the way out.
 */
export function replaceFileQuestion(message: string): string {
  const name = /^(.+) already exists\. Do you want to replace it\?$/.exec(message)?.[1];
  if (!name) return message;
  return (
    `Tệp «${name}» đã có trong kho. Thay nó sẽ XOÁ NGAY tệp cũ: mọi bài đang dùng tệp này sẽ lỗi cho tới khi bài mới được công bố.\n\n` +
    'Bấm Hủy, đổi tên tệp trên máy rồi tải lên lại (nên làm). Bấm OK nếu thật sự muốn thay.'
  );
}
