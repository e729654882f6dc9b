/**
 * Attachments: files (a plan, a form, a document's scan) that Markdown links
 * by relative path. Checked and prepared before rendering, linked with their
 * type and size, copied into the site under /tep/ by the build.
 */
export {
  ATTACHMENTS_FOLDER,
  attachmentPath,
  attachmentUrl,
  fileLabel,
  isAttachmentLink,
} from './files.ts';
export { Attachments, prepareAttachments, type Attachment, type AttachmentRules, type AttachmentUse } from './prepare.ts';
export { publishAttachments } from './publish.ts';
