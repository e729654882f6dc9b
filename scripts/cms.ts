/**
 * npm run cms [-- --port 8080 --proxy-port 8081 --repo <folder>]: the web editor on this machine.
 * Starts decap-server (Decap's local Git proxy: it commits to the repository here, drafts on
 * cms/… branches) and the preview server with the admin at http://localhost:<port>/quan-tri/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    'proxy-port': { type: 'string', default: process.env.CMS_PROXY_PORT ?? '8081' },
    repo: { type: 'string', default: process.cwd() },
  },
});
const repo = path.resolve(values.repo);
const proxy = `http://localhost:${values['proxy-port']}/api/v1`;

const children: ChildProcess[] = [];
function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`Trình soạn thảo web: ${path.basename(args[0] ?? command)} dừng (mã ${code}); dừng tất cả.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0): void {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

run(process.execPath, [path.join('node_modules', 'decap-server', 'dist', 'index.js')], {
  PORT: values['proxy-port'],
  BIND_HOST: '127.0.0.1',
  GIT_REPO_DIRECTORY: repo,
  MODE: 'git',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
run(
  process.execPath,
  [
    '--import',
    'tsx',
    path.join('node_modules', '@11ty', 'eleventy', 'cmd.cjs'),
    '--config=.eleventy.ts',
    '--serve',
    `--port=${values.port}`,
  ],
  {
    PORTAL_CONTENT: path.join(repo, 'content'),
    PORTAL_OUTPUT: path.join(repo, '_site.preview'),
    PORTAL_DRAFTS: '1',
    CMS_LOCAL_PROXY: proxy,
    CMS_REPO_DIR: repo,
  },
);
console.log(`Trình soạn thảo web: http://localhost:${values.port}/quan-tri/ (kho ${repo})`);
