import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from './manifest.ts';

/** Why the output can't be written, in the editor's words. */
const reasons: Record<string, string> = {
  EACCES: 'không có quyền ghi vào thư mục này',
  EPERM: 'hệ thống không cho phép ghi vào thư mục này',
  EROFS: 'ổ đĩa chỉ cho phép đọc',
  ENOSPC: 'ổ đĩa đã đầy',
  EDQUOT: 'đã dùng hết dung lượng được cấp trên ổ đĩa',
};

/** Thrown when the output folder can't be written (permissions, read-only or full disk). */
export class OutputError extends Error {
  constructor(outputDir: string, code: string, file?: string) {
    super(
      `Không ghi được bản dựng vào ${path.dirname(outputDir)}: ${reasons[code]} (${code}${file ? `, ${file}` : ''}). ` +
        'Hãy giải phóng dung lượng hoặc cấp quyền ghi cho thư mục đó, hoặc dựng vào thư mục khác bằng PORTAL_OUTPUT=…, rồi dựng lại.',
    );
    this.name = 'OutputError';
  }
}

/** The OutputError behind `error`, looking through the wrappers Eleventy and Node put around it, if that is what it is. */
export function asOutputError(error: unknown, outputDir: string): OutputError | undefined {
  const seen = new Set<unknown>();
  let current = error as (NodeJS.ErrnoException & { originalError?: unknown }) | undefined;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (current.code && current.code in reasons) return new OutputError(outputDir, current.code, current.path);
    // Pagefind is a process of its own: its disk errors arrive as text.
    if (/No space left on device/.test(String(current.message))) return new OutputError(outputDir, 'ENOSPC');
    current = (current.originalError ?? current.cause) as typeof current;
  }
  return undefined;
}

/** Whether a complete site (with its manifest) is published in `outputDir`: what a failed build may claim to have kept. */
export function hasPublishedSite(outputDir: string): boolean {
  return existsSync(path.join(outputDir, MANIFEST_FILE));
}

/**
 * The swap puts the new site in place with two renames (output → .old, the
 * staging folder → output). A build killed between them leaves no output but a complete .old:
 * the next build puts it back first. Returns whether it did.
 */
export function recoverInterruptedSwap(outputDir: string): boolean {
  const previous = `${outputDir}.old`;
  if (existsSync(outputDir) || !hasPublishedSite(previous)) return false;
  renameSync(previous, outputDir);
  return true;
}

const TRASH = '.trash-';
const STAGING = '.next';

/**
 * Where this build stages the new site: a folder of its own, so that a killed build's stragglers (a
 * search shard's copy still under way) never write into another build's, whose files may be the
 * published site's own (hard links).
 */
export const stagingDir = (outputDir: string) => `${outputDir}${STAGING}-${process.pid}-${Date.now()}`;

/** The staging folders of killed builds (`.next`, or `.next-<pid>-<time>`), moved to the trash (deleted with it after the next swap). */
export function trashLeftStaging(outputDir: string): void {
  const parent = path.dirname(outputDir);
  const prefix = `${path.basename(outputDir)}${STAGING}`;
  for (const entry of readdirSync(parent, { withFileTypes: true }))
    if (entry.isDirectory() && entry.name.startsWith(prefix) && /^(-[0-9]+)*$/.test(entry.name.slice(prefix.length)))
      renameSync(path.join(parent, entry.name), trashFolder(outputDir));
}

let trashed = 0;
/** A new name in the trash, beside the output. */
const trashFolder = (outputDir: string) =>
  path.join(path.dirname(outputDir), `${path.basename(outputDir)}${TRASH}${process.pid}-${Date.now()}-${trashed++}`);

/** Where the site a build replaced waits for the next build, which starts its staging folder from it. */
export const spareDir = (outputDir: string) => `${outputDir}.spare`;

/**
 * Keeps the replaced site as the spare, without making the build wait: the
 * next incremental build starts from its folders and from the files it shares
 * with the published site (hard links), where making 20,000 folders and
 * linking 40,000 files again took seconds of the disk's time. The spare it
 * replaces (a build that did not use it), and the trash a killed deletion
 * left, are renamed out of the way at once (a name of their own, so no later
 * build's folder is ever touched) and deleted by a process of its own that
 * outlives the build.
 */
export function keepAsSpare(outputDir: string, replaced: string): void {
  const parent = path.dirname(outputDir);
  const prefix = `${path.basename(outputDir)}${TRASH}`;
  const trash: string[] = readdirSync(parent)
    .filter((name) => name.startsWith(prefix))
    .map((name) => path.join(parent, name));
  const spare = spareDir(outputDir);
  if (existsSync(spare)) {
    const target = trashFolder(outputDir);
    renameSync(spare, target);
    trash.push(target);
  }
  if (existsSync(replaced)) renameSync(replaced, spare);
  if (!trash.length) return;
  const remove = 'for (const dir of process.argv.slice(1)) require("node:fs").rmSync(dir, { recursive: true, force: true })';
  spawn(process.execPath, ['-e', remove, ...trash], { detached: true, stdio: 'ignore' }).unref();
}
