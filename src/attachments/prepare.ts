import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Problem } from '../problems/index.ts';
import { nfc } from '../slugs/index.ts';
import { ATTACHMENTS_FOLDER, IMAGE_TYPES, attachmentPath, attachmentUrl, extensionOf, fileLabel, fragmentOf } from './files.ts';

/** A file published for download. */
export interface Attachment {
  /** The file in the content folder, as editors see it. */
  source: string;
  url: string;
  /** "PDF, 1,2 MB". */
  label: string;
  bytes: number;
  /** Images without their metadata; other types are published byte for byte. */
  stripped?: Buffer;
}

/** One place a Markdown file names a file: a link in its body or an entry of `tep:`. */
export interface AttachmentUse {
  file: string;
  href: string;
  line?: number;
  field: string;
}

export interface AttachmentRules {
  /** Allowed extensions, lower case. */
  types: string[];
  maxSizeMb: number;
}

/** The attachments of every Markdown file, by the link each wrote. */
export class Attachments {
  private readonly byFile = new Map<string, Map<string, { attachment: Attachment; fragment: string }>>();
  private readonly failedFiles = new Set<string>();

  add(file: string, href: string, attachment: Attachment): void {
    const links = this.byFile.get(file) ?? new Map();
    links.set(href, { attachment, fragment: fragmentOf(href) });
    this.byFile.set(file, links);
  }

  fail(file: string): void {
    this.failedFiles.add(file);
  }

  /** False when one of the file's attachments has an error (reported), so it can't be published. */
  usable(file: string): boolean {
    return !this.failedFiles.has(file);
  }

  /** The attachment a file's link names, with the link's fragment on its URL. */
  link(file: string, href: string): { attachment: Attachment; href: string } | undefined {
    const found = this.byFile.get(file)?.get(href);
    return found && { attachment: found.attachment, href: `${found.attachment.url}${found.fragment}` };
  }

  /** For the Markdown renderer (MarkdownEnv.attachment): a link's published URL and label. */
  linker(file: string): (href: string) => { href: string; label: string } | undefined {
    return (href) => {
      const found = this.link(file, href);
      return found && { href: found.href, label: found.attachment.label };
    };
  }

  /** Every attachment of the given (published) files, each once: what the build copies. */
  of(files: Iterable<string>): Attachment[] {
    const unique = new Map<string, Attachment>();
    for (const file of files)
      for (const { attachment } of this.byFile.get(file)?.values() ?? []) unique.set(attachment.url, attachment);
    return [...unique.values()].sort((a, b) => (a.url < b.url ? -1 : 1));
  }
}

const displayPath = (contentDir: string, file: string) => path.join(contentDir, path.relative(contentDir, file));

/** Every file in the folders where attachments live, except Markdown: what an editor may have left unlinked. */
function candidateFiles(contentDir: string, folders: string[]): string[] {
  return (
    folders
      .map((folder) => path.join(contentDir, folder))
      .filter((dir) => existsSync(dir))
      // With the entries' types, so only what is not Markdown nor a folder is looked at again (a link may name a file).
      .flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => !entry.isDirectory() && !entry.name.endsWith('.md'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => statSync(file).isFile())
      .sort()
  );
}

/**
 * The pre-pass before any Markdown is rendered: finds every file linked as an
 * attachment, checks it (exists, inside the content folder, allowed type,
 * under the size limit, no other file published at its URL), strips images'
 * metadata, and warns about attachments nothing links to. `imageFiles` are
 * photos the articles show, which are not attachments.
 */
export async function prepareAttachments(
  contentDir: string,
  rules: AttachmentRules,
  uses: AttachmentUse[],
  problems: Problem[],
  { folders, imageFiles }: { folders: string[]; imageFiles: Set<string> },
): Promise<Attachments> {
  const attachments = new Attachments();
  const root = path.resolve(contentDir);
  const byPath = new Map<string, Attachment | string>();
  const byUrl = new Map<string, { source: string; hash: string }>();
  const limit = rules.maxSizeMb * 1024 * 1024;

  const check = async (use: AttachmentUse): Promise<Attachment | string> => {
    const file = attachmentPath(contentDir, use.file, use.href);
    const shown = nfc(use.href.split(/[?#]/)[0]);
    const relative = path.relative(root, path.resolve(file));
    if (relative.startsWith('..') || path.isAbsolute(relative))
      return `tệp "${shown}" nằm ngoài thư mục ${contentDir}; hãy chép tệp vào cạnh tệp Markdown hoặc vào ${path.join(contentDir, ATTACHMENTS_FOLDER)}/`;
    const extension = extensionOf(file);
    if (!rules.types.includes(extension))
      return `tệp "${shown}" có loại ${extension ? `.${extension}` : '(không có phần mở rộng)'} không được phép đính kèm; chỉ được dùng: ${rules.types.join(', ')} (attachments.types trong site.yaml)`;
    if (!existsSync(file) || !statSync(file).isFile())
      return `không tìm thấy tệp "${shown}" (tìm ở ${displayPath(contentDir, file)}); hãy kiểm tra tên tệp và đường dẫn, ví dụ ./ke-hoach.pdf cho tệp nằm cạnh tệp Markdown`;
    const bytes = statSync(file).size;
    if (bytes > limit)
      return `tệp "${shown}" nặng ${fileLabel(extension, bytes).split(', ')[1]}, vượt giới hạn ${rules.maxSizeMb} MB (attachments.maxSizeMb trong site.yaml); hãy nén hoặc tách tệp`;
    const content = readFileSync(file);
    const url = attachmentUrl(file);
    const hash = createHash('sha256').update(content).digest('hex');
    const other = byUrl.get(url);
    if (other && other.hash !== hash)
      return `tệp "${shown}" (${displayPath(contentDir, file)}) và tệp ${other.source} khác nhau nhưng cùng được xuất bản ở ${url}; hãy đổi tên một trong hai tệp`;
    byUrl.set(url, other ?? { source: displayPath(contentDir, file), hash });
    // Images lose EXIF/GPS like any photo; rotate() first so the picture stays upright without its orientation tag.
    const stripped = IMAGE_TYPES.includes(extension) ? await sharp(content).rotate().toBuffer() : undefined;
    const size = stripped?.length ?? bytes;
    return { source: displayPath(contentDir, file), url, bytes: size, label: fileLabel(extension, size), stripped };
  };

  // In order, so that of two files competing for one URL the first (by file and line) keeps it.
  for (const use of uses) {
    const key = path.resolve(attachmentPath(contentDir, use.file, use.href));
    let result = byPath.get(key);
    if (result === undefined) {
      result = await check(use).catch((error: Error) => `tệp "${use.href}" không đọc được (${error.message})`);
      byPath.set(key, result);
    }
    if (typeof result === 'string') {
      problems.push({ severity: 'error', file: use.file, line: use.line, field: use.field, message: result });
      attachments.fail(use.file);
    } else attachments.add(use.file, use.href, result);
  }

  const linked = new Set([...byPath.keys(), ...[...imageFiles].map((file) => path.resolve(file))]);
  for (const file of candidateFiles(contentDir, folders)) {
    if (linked.has(path.resolve(file))) continue;
    problems.push({
      severity: 'warning',
      file,
      message: `tệp đính kèm này không được tệp Markdown nào liên kết tới nên không được xuất bản; hãy thêm liên kết như [Tải tệp](./${path.basename(file)}) hoặc xóa tệp`,
    });
  }
  return attachments;
}
