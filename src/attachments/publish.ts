import { constants, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Attachment } from './prepare.ts';

/**
 * Writes the attachments of published pages into the site at their URLs:
 * images without metadata, other files as they are. PDFs and office files are
 * copied byte for byte, so their own properties (author, title, dates) are
 * published with them.
 */
export function publishAttachments(outputDir: string, attachments: Attachment[]): void {
  for (const attachment of attachments) {
    const target = path.join(outputDir, attachment.url);
    mkdirSync(path.dirname(target), { recursive: true });
    if (attachment.stripped) writeFileSync(target, attachment.stripped);
    else copyFileSync(attachment.source, target, constants.COPYFILE_FICLONE);
  }
}
