import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** Who holds the build lock: written into it, so another build can tell a running build from a killed one. */
interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

/** Thrown when another build of the same output is running. */
export class BuildLockedError extends Error {
  constructor(
    readonly lockFile: string,
    owner: LockOwner,
  ) {
    super(
      `Một lần dựng khác đang chạy (tiến trình ${owner.pid}, bắt đầu lúc ${owner.started}) và ghi vào cùng thư mục; ` +
        `hãy đợi lần dựng đó xong rồi dựng lại. Nếu chắc chắn không còn lần dựng nào chạy, hãy xóa tệp ${lockFile}.`,
    );
    this.name = 'BuildLockedError';
  }
}

/** The lock files this process holds (absolute). */
const held = new Set<string>();

function isRunning(owner: LockOwner, lockFile: string): boolean {
  // On another machine (a shared folder) there is no telling: treat the lock as held.
  if (owner.host !== hostname()) return true;
  // This process's pid, on a lock it does not hold: a killed build's that had the same pid (a container's are alike).
  if (owner.pid === process.pid) return held.has(path.resolve(lockFile));
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockFile: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined; // gone meanwhile, or cut short by a crash while it was written
  }
}

export interface BuildLock {
  release(): void;
  /** The owner of a lock left by a build that was killed, which this one cleared. */
  cleared?: LockOwner;
}

/**
 * One build at a time per output folder: takes `<output>.lock` (created
 * exclusively), or throws BuildLockedError while another build holds it. A lock
 * whose process is gone (a killed build) is cleared and taken.
 */
export function acquireBuildLock(outputDir: string): BuildLock {
  const lockFile = `${outputDir}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  let cleared: LockOwner | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      held.add(path.resolve(lockFile));
      return {
        cleared,
        release: () => {
          held.delete(path.resolve(lockFile));
          if (readOwner(lockFile)?.pid === me.pid) rmSync(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(lockFile);
    if (owner && isRunning(owner, lockFile)) throw new BuildLockedError(lockFile, owner);
    // Stale: moved aside under a name of our own, so two builds clearing it at once can't both win.
    const aside = `${lockFile}.${process.pid}`;
    try {
      renameSync(lockFile, aside);
    } catch {
      continue; // another build cleared it first: try to take it again
    }
    const moved = readOwner(aside);
    if (moved && isRunning(moved, lockFile)) {
      // A live build's lock taken in the meantime: put it back.
      if (!existsSync(lockFile)) renameSync(aside, lockFile);
      throw new BuildLockedError(lockFile, moved);
    }
    rmSync(aside, { force: true });
    cleared = owner ?? moved;
  }
  throw new BuildLockedError(lockFile, readOwner(lockFile) ?? me);
}
