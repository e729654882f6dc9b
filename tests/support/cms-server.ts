import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface CmsServer {
  /** The temporary repository the editor commits to. */
  repo: string;
  /** http://localhost:<port> of the preview server. */
  origin: string;
  git(...args: string[]): string;
  /** What npm run cms printed so far (decap-server and the preview's rebuilds). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * `npm run cms` on a temporary Git copy of the project's content: decap-server
 * commits there, the preview server rebuilds from there.
 */
export async function startCms(): Promise<CmsServer> {
  const repo = mkdtempSync(path.join(tmpdir(), 'portal-cms-'));
  cpSync('content', path.join(repo, 'content'), { recursive: true });
  cpSync('.gitignore', path.join(repo, '.gitignore'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Biên tập viên');
  git('config', 'user.email', 'bientap@example.gov.vn');
  git('add', '-A');
  git('commit', '-qm', 'Nội dung mẫu');
  const [port, proxyPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/cms.ts', '--port', String(port), '--proxy-port', String(proxyPort), '--repo', repo],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } },
  );
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ready = await fetch(`${origin}/quan-tri/config.yml`).then(
      (r) => r.ok,
      () => false,
    );
    const proxy = await fetch(`http://localhost:${proxyPort}/api/v1`, { method: 'POST', body: '{}' }).then(
      () => true,
      () => false,
    );
    if (ready && proxy) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`npm run cms không khởi động được:\n${log.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // Eleventy starts watching after its first build, and its watcher ignores files added before it has scanned
  // their folder: touch an article (bytes unchanged) until the preview notices, so no test's first save is missed.
  const probe = path.join(
    repo,
    'content',
    'articles',
    readdirSync(path.join(repo, 'content', 'articles'), { recursive: true })
      .map(String)
      .find((f) => f.endsWith('.md'))!,
  );
  while (!log.includes('File changed:')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`Bản xem trước của npm run cms không theo dõi thay đổi:\n${log.slice(-3000)}`);
    }
    const now = new Date();
    utimesSync(probe, now, now);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return {
    repo,
    origin,
    git,
    log: () => log,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(repo, { recursive: true, force: true });
    },
  };
}
