import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HostName } from '../../src/deploy/index.ts';
import { ROOT } from '../support/build.ts';

/**
 * The real hosts' local emulators: Cloudflare's `wrangler pages dev` and
 * `netlify dev`. They take minutes to install, so they stay out of the
 * project's dependencies: `npm run hosts:install` puts the versions pinned in
 * tests/hosts/emulators/ (the last that run on Node 20) into .cache/hosts.
 */

const INSTALL_DIR = path.join(ROOT, '.cache', 'hosts');
const PINNED = JSON.parse(readFileSync(path.join(import.meta.dirname, 'emulators', 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const PACKAGES: Record<HostName, { name: string; bin: string }> = {
  cloudflare: { name: 'wrangler', bin: 'wrangler' },
  netlify: { name: 'netlify-cli', bin: 'netlify' },
};
/** wrangler 4.86's bundled workerd refuses compatibility dates after 2026-05-03. */
const COMPATIBILITY_DATE = '2026-05-01';
const READY_TIMEOUT_MS = 180_000;

/** Throws, in Vietnamese, how to install the emulators when a pinned one is missing or another version. */
export function requireEmulators(): void {
  const problems = Object.values(PACKAGES).flatMap(({ name }) => {
    const manifest = path.join(INSTALL_DIR, 'node_modules', name, 'package.json');
    const wanted = PINNED.dependencies[name];
    if (!existsSync(manifest)) return [`chưa có ${name}@${wanted}`];
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    return version === wanted ? [] : [`${name} là bản ${version}, cần ${wanted}`];
  });
  if (problems.length) {
    throw new Error(
      `Thiếu trình giả lập máy chủ trong .cache/hosts (${problems.join('; ')}). ` +
        'Hãy cài bằng "npm run hosts:install" (khoảng 3 phút, cần mạng tới kho npm; không thêm gì vào package.json), ' +
        'rồi chạy lại "npm run check:hosts".',
    );
  }
}

/** A port nobody listens on now (other helpers and test runs share the machine). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Emulator {
  host: HostName;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** What it printed, for the failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

async function command(host: HostName, siteDir: string): Promise<string[]> {
  const port = await freePort();
  if (host === 'cloudflare') {
    return [
      'pages',
      'dev',
      siteDir,
      '--ip',
      '127.0.0.1',
      `--port=${port}`,
      `--inspector-port=${await freePort()}`,
      `--compatibility-date=${COMPATIBILITY_DATE}`,
    ];
  }
  return [
    'dev',
    '--offline',
    '--internal-disable-edge-functions',
    `--dir=${siteDir}`,
    `--port=${port}`,
    `--staticServerPort=${await freePort()}`,
    '--no-open',
  ];
}

/**
 * Serves `siteDir` as the host would and resolves once `readyPath` answers
 * 200: both emulators answer 404 for a while after they start listening.
 */
export async function startEmulator(host: HostName, siteDir: string, readyPath: string): Promise<Emulator> {
  const args = await command(host, siteDir);
  const port = Number(args.find((arg) => arg.startsWith('--port='))!.slice('--port='.length));
  const origin = `http://127.0.0.1:${port}`;
  const bin = path.join(INSTALL_DIR, 'node_modules', '.bin', PACKAGES[host].bin);
  // A scratch working folder: both write state there (.wrangler/, .netlify/) and would read a config found there.
  const child: ChildProcess = spawn(bin, args, {
    cwd: mkdtempSync(path.join(tmpdir(), `portal-${host}-`)),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', WRANGLER_SEND_METRICS: 'false', NETLIFY_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const stop = async () => {
    if (exited) return;
    // The emulator's own children (workerd, the static server) are in its process group.
    process.kill(-child.pid!, 'SIGTERM');
    const killer = setTimeout(() => !exited && process.kill(-child.pid!, 'SIGKILL'), 5_000);
    await exit;
    clearTimeout(killer);
  };

  const started = Date.now();
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (exited) throw new Error(`${PACKAGES[host].name} dừng trước khi sẵn sàng:\n${output}`);
    // The body is read to its end: netlify dev closes each connection, and an unread body then breaks the client.
    const status = await fetch(origin + readyPath).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
      () => 0,
    );
    if (status === 200) return { host, origin, log: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(
    `${PACKAGES[host].name} chưa trả lời 200 tại ${origin}${readyPath} sau ${READY_TIMEOUT_MS / 1000} giây:\n${output}`,
  );
}
