import { existsSync, type FSWatcher, mkdirSync, readdirSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * npm start: Eleventy 3.1's watcher only logs a deleted file, so a deleted article stayed in the
 * preview. The content folders are watched here, one watch per folder (Eleventy already holds one
 * per file), and each deletion is written to this file, which Eleventy watches: it rebuilds.
 * Saves are told too, as they happen (Eleventy waits for a file to stay unchanged for 150 ms).
 */
export const removalSignal = path.join(tmpdir(), `cong-thong-tin-xem-truoc-${process.pid}`, 'da-xoa.txt');

const watched = new Map<string, FSWatcher>();
let onChanged: (file: string) => void = () => {};

/** An editor's swap or backup file, which comes and goes while a file is saved. */
const isScratch = (name: string) => name.startsWith('.') || name.endsWith('~');

function watchFolder(folder: string): void {
  // A folder that is gone, unreadable or past the system's watch limit is left out: Eleventy still sees saves there.
  try {
    if (watched.has(folder) || !statSync(folder).isDirectory()) return;
    // Not persistent: Ctrl+C stops the preview, as Eleventy waits for nothing else to be pending.
    const watcher = watch(folder, { persistent: false }, (event, name) => {
      if (!name || isScratch(name)) return;
      const entry = path.join(folder, name);
      try {
        // A folder made (or made again, under the same name) is watched anew; a file still there was added or saved.
        if (existsSync(entry)) {
          if (!statSync(entry).isDirectory()) return onChanged(entry);
          if (event !== 'rename') return;
          watched.get(entry)?.close();
          watched.delete(entry);
          return watchFolder(entry);
        }
        watched.get(entry)?.close();
        watched.delete(entry);
        writeFileSync(removalSignal, `${new Date().toISOString()} ${entry}\n`);
        onChanged(entry);
      } catch {
        // Gone between the two calls (an editor's scratch file), or the signal's folder removed: nothing to rebuild for.
      }
    });
    // The folder itself was removed: its parent's watch reports that.
    watcher.on('error', () => {
      watcher.close();
      if (watched.get(folder) === watcher) watched.delete(folder);
    });
    watched.set(folder, watcher);
    for (const entry of readdirSync(folder, { withFileTypes: true }))
      if (entry.isDirectory()) watchFolder(path.join(folder, entry.name));
  } catch {
    // See above.
  }
}

/**
 * Starts watching `folders` and their subfolders for deletions (once per process; folders added later
 * are added); `changed` is told every file written, moved into place or deleted there.
 */
export function watchRemovals(folders: string[], changed: (file: string) => void): void {
  onChanged = changed;
  mkdirSync(path.dirname(removalSignal), { recursive: true });
  // Made before Eleventy starts watching, so that making it is no change.
  if (!existsSync(removalSignal)) {
    writeFileSync(removalSignal, '');
    process.once('exit', () => rmSync(path.dirname(removalSignal), { recursive: true, force: true }));
  }
  for (const folder of folders) watchFolder(path.resolve(folder));
}
