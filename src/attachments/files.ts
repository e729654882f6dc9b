import path from 'node:path';
import { routes } from '../routes/index.ts';
import { slugify } from '../slugs/index.ts';

/** The one folder of attachments shared by several files: content/tep/, linked as "/tep/<name>". */
export const ATTACHMENTS_FOLDER = 'tep';

/** Types whose metadata (EXIF, GPS, camera) is stripped before publishing, like any photo. */
export const IMAGE_TYPES = ['jpg', 'jpeg', 'png'];

const REMOTE = /^([a-z][a-z0-9+.-]*:|\/\/)/i;
const PAGE_EXTENSIONS = ['html', 'htm'];

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The extension of a link's last path segment, lower case ("" when it has none). */
export function extensionOf(href: string): string {
  const name = href.split(/[?#]/)[0].split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Whether a link in Markdown names a file to attach rather than a page:
 * a relative path to a file ("./ke-hoach.pdf", "../tep/mau.docx") or a path
 * into the attachments folder ("/tep/mau.docx").
 */
export function isAttachmentLink(href: string): boolean {
  if (!href || href.startsWith('#') || REMOTE.test(href)) return false;
  if (href.startsWith(`/${ATTACHMENTS_FOLDER}/`)) return true;
  const extension = extensionOf(href);
  return !href.startsWith('/') && extension !== '' && !PAGE_EXTENSIONS.includes(extension);
}

/** Where the file a link names is on disk: "/tep/x" in content/tep/, anything else next to the Markdown file. */
export function attachmentPath(contentDir: string, markdownFile: string, href: string): string {
  const bare = decoded(href.split(/[?#]/)[0]);
  return bare.startsWith('/') ? path.join(contentDir, bare) : path.join(path.dirname(markdownFile), bare);
}

/** The fragment of a link ("#page=3"), kept on the published URL. */
export function fragmentOf(href: string): string {
  const at = href.indexOf('#');
  return at < 0 ? '' : href.slice(at);
}

/**
 * The stable, readable URL of an attachment: its file name as a slug under
 * /tep/ ("Kế hoạch 12.PDF" → /tep/ke-hoach-12.pdf), whatever folder it is in,
 * so moving the Markdown file does not move the download.
 */
export function attachmentUrl(file: string): string {
  const extension = path.extname(file).slice(1).toLowerCase();
  const name = slugify(path.basename(file, path.extname(file))) || 'tep';
  return routes.attachment(`${name}.${extension}`);
}

/** "PDF, 1,2 MB" / "DOCX, 48 KB": what a download link shows after its text. */
export function fileLabel(extension: string, bytes: number): string {
  const size =
    bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(bytes / 1024))} KB`
      : `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  return `${extension.toUpperCase()}, ${size}`;
}
