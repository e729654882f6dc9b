import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listFiles, MANIFEST_FILE } from '../publish/index.ts';
import { isProtected, PROTECTED_PATHS } from './phases.ts';
import type { Target } from './target.ts';

/**
 * How files reach a target. Each call does one step of the deploy and returns
 * the paths it touched, in order; the deploy decides the order of the steps.
 */
export interface Transport {
  /** Names at the top of the target; [] when it does not exist yet. */
  topLevel(): string[];
  /** Copies those of `files` the target lacks ('add'), or lacks or holds with other content ('update'). */
  copy(files: string[], action: 'add' | 'update'): string[];
  /** Deletes what the target has and the build lacks, but for the manifest and protected paths. */
  deleteStale(): string[];
}

export function openTransport(target: Target, sourceDir: string, dryRun = false): Transport {
  switch (target.transport) {
    case 'folder':
      return folderTransport(sourceDir, target.location, dryRun);
    case 'rsync':
      return rsyncTransport(sourceDir, target.location, dryRun);
    case 'rclone':
      return rcloneTransport(sourceDir, target.location, dryRun);
  }
}

function sameContent(a: string, b: string): boolean {
  return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
}

/** Plain file operations, so a local folder needs neither rsync nor rclone. Each file is written beside its place and renamed in, so no reader sees half a file. */
export function folderTransport(sourceDir: string, targetDir: string, dryRun: boolean): Transport {
  return {
    topLevel: () => (existsSync(targetDir) ? readdirSync(targetDir) : []),
    copy(files, action) {
      const copied: string[] = [];
      for (const file of files) {
        const from = path.join(sourceDir, file);
        const to = path.join(targetDir, file);
        const exists = existsSync(to);
        if (exists && (action === 'add' || sameContent(from, to))) continue;
        copied.push(file);
        if (dryRun) continue;
        mkdirSync(path.dirname(to), { recursive: true });
        const partial = `${to}.tai-len`;
        copyFileSync(from, partial);
        renameSync(partial, to);
      }
      return copied;
    },
    deleteStale() {
      if (!existsSync(targetDir)) return [];
      const keep = new Set([...listFiles(sourceDir), MANIFEST_FILE]);
      const stale = listFiles(targetDir).filter((file) => !keep.has(file) && !isProtected(file));
      if (dryRun) return stale;
      for (const file of stale) unlinkSync(path.join(targetDir, file));
      removeEmptyFolders(targetDir, targetDir);
      return stale;
    },
  };
}

function removeEmptyFolders(dir: string, root: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !isProtected(`${path.relative(root, full).split(path.sep).join('/')}/`))
      removeEmptyFolders(full, root);
  }
  if (dir !== root && readdirSync(dir).length === 0) rmdirSync(dir);
}

function run(command: string, args: string[], input?: string): { stdout: string; stderr: string; status: number } {
  const result = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing ? `Không tìm thấy lệnh ${command}: hãy cài nó (Debian: apt-get install ${command}).` : result.error.message,
    );
  }
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? 1 };
}

function check(command: string, result: { stderr: string; status: number }, okStatuses = [0]): void {
  if (!okStatuses.includes(result.status)) throw new Error(`${command} thất bại (mã ${result.status}):\n${result.stderr.trim()}`);
}

/** rsync, to a host over SSH or to a folder: whole-file checksums decide what changed, since every build gives files new times. */
export function rsyncTransport(sourceDir: string, destination: string, dryRun: boolean): Transport {
  const common = ['-l', '--checksum', '-8', '--out-format=%i %n', ...(dryRun ? ['--dry-run'] : [])];
  const from = `${sourceDir}/`;
  const to = `${destination.replace(/\/$/, '')}/`;
  const itemized = (stdout: string, pattern: RegExp) =>
    stdout
      .split('\n')
      .filter((line) => pattern.test(line) && !line.endsWith('/'))
      .map((line) => line.slice(12));
  return {
    topLevel() {
      const result = run('rsync', ['--list-only', to]);
      if (result.status === 23) return []; // no such folder yet
      check('rsync', result);
      return result.stdout
        .split('\n')
        .map((line) => line.match(/^\S+\s+[\d,.]+\s+\S+\s+\S+\s+(.+)$/)?.[1])
        .filter((name): name is string => !!name && name !== '.');
    },
    copy(files, action) {
      if (!files.length) return [];
      const result = run(
        'rsync',
        [...common, '--from0', '--files-from=-', ...(action === 'add' ? ['--ignore-existing'] : []), from, to],
        files.join('\0'),
      );
      check('rsync', result);
      return itemized(result.stdout, /^[<>]f/);
    },
    deleteStale() {
      // --existing with --ignore-existing transfers nothing: this pass only deletes.
      const protect = PROTECTED_PATHS.map((p) => `--filter=P /${p}`);
      const result = run('rsync', [
        ...common,
        '-r',
        '--delete',
        '--existing',
        '--ignore-existing',
        `--exclude=/${MANIFEST_FILE}`,
        ...protect,
        from,
        to,
      ]);
      check('rsync', result);
      return itemized(result.stdout, /^\*deleting /);
    },
  };
}

/** rclone, to any remote it knows (S3-compatible storage, SFTP, a local folder): checksums decide what changed. */
export function rcloneTransport(sourceDir: string, remote: string, dryRun: boolean): Transport {
  const common = ['--checksum', '--use-json-log', '-v', '--stats', '0', ...(dryRun ? ['--dry-run'] : [])];
  const logged = (stderr: string, message: RegExp) =>
    stderr.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      const entry = JSON.parse(line) as { msg?: string; object?: string };
      return entry.object && entry.msg && message.test(entry.msg) ? [entry.object] : [];
    });
  return {
    topLevel() {
      const result = run('rclone', ['lsf', '--max-depth', '1', remote]);
      if (result.status === 3) return []; // directory not found
      check('rclone', result);
      return result.stdout
        .split('\n')
        .filter(Boolean)
        .map((name) => name.replace(/\/$/, ''));
    },
    copy(files, action) {
      if (!files.length) return [];
      const scratch = mkdtempSync(path.join(tmpdir(), 'portal-deploy-'));
      try {
        const list = path.join(scratch, 'files.txt');
        writeFileSync(list, `${files.join('\n')}\n`);
        const result = run('rclone', [
          'copy',
          sourceDir,
          remote,
          '--files-from-raw',
          list,
          '--no-traverse',
          ...common,
          ...(action === 'add' ? ['--ignore-existing'] : []),
        ]);
        check('rclone', result);
        return logged(result.stderr, /^(Copied|Skipped copy)/);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    deleteStale() {
      // Everything is uploaded by now, so sync only deletes.
      const protect = PROTECTED_PATHS.flatMap((p) => ['--exclude', `/${p}**`]);
      const result = run('rclone', ['sync', sourceDir, remote, ...common, '--exclude', `/${MANIFEST_FILE}`, ...protect]);
      check('rclone', result);
      if (!dryRun) check('rclone', run('rclone', ['rmdirs', remote, '--leave-root']));
      return logged(result.stderr, /^(Deleted|Skipped delete)/);
    },
  };
}
