import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import { spareDir } from '../../src/publish/index.ts';
import { buildSettings } from '../../src/settings/index.ts';
import { ROOT } from '../support/build.ts';

/** The official actions the workflow may use, at the major versions checked to exist. */
const ALLOWED_ACTIONS = [
  'actions/checkout@v4',
  'actions/setup-node@v4',
  'actions/cache@v4',
  'actions/configure-pages@v5',
  'actions/upload-pages-artifact@v3',
  'actions/deploy-pages@v4',
];

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  steps: Step[];
  environment?: { name: string };
  container?: { image: string };
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

function loadWorkflow() {
  const doc = parseDocument(read('.github/workflows/deploy.yml'));
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
    'valid YAML',
  );
  return doc.toJS() as {
    // biome-ignore lint/suspicious/noExplicitAny: the workflow's YAML, read as it is
    on: Record<string, any>;
    permissions: Record<string, string>;
    concurrency: Record<string, unknown>;
    jobs: Record<string, Job>;
  };
}

/** The commands of the README's "Bắt đầu" block: what a person runs on a fresh machine. */
function readmeCommands(): string[] {
  const block = read('README.md').match(/## Bắt đầu[\s\S]*?```sh\n([\s\S]*?)```/)?.[1];
  assert.ok(block, 'README has the "Bắt đầu" commands');
  return block
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .flatMap((line) => line.split('&&').map((c) => c.trim()));
}

/** The packages .ci/run installs with apt-get. */
function ciPackages(): string[] {
  return [...read('.ci/run').matchAll(/apt-get install ([^>\n]*)/g)].flatMap((m) =>
    m[1].split(/\s+/).filter((w) => w && !w.startsWith('-')),
  );
}

test('the workflow runs on push to main, hourly and by hand, one deploy at a time, with Pages permissions only', () => {
  const workflow = loadWorkflow();
  assert.deepEqual(workflow.on.push, { branches: ['main'] });
  assert.deepEqual(workflow.on.schedule, [{ cron: '0 * * * *' }]);
  assert.ok('workflow_dispatch' in workflow.on);
  assert.deepEqual(workflow.permissions, { contents: 'read', pages: 'write', 'id-token': 'write' });
  assert.deepEqual(workflow.concurrency, { group: 'pages', 'cancel-in-progress': false });
});

test('it names only allowed official actions, each of them', () => {
  const uses = Object.values(loadWorkflow().jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
  assert.deepEqual(
    uses.filter((action) => !ALLOWED_ACTIONS.includes(action)),
    [],
  );
  assert.deepEqual([...new Set(uses)].sort(), [...ALLOWED_ACTIONS].sort());
});

test("it runs the README's commands: tests before the build, the build on the Pages address, then uploads the output", () => {
  const { jobs } = loadWorkflow();
  const steps = jobs.build.steps;
  const runs = steps.map((step) => step.run?.trim());
  const commands = readmeCommands();
  assert.deepEqual(commands, ['npm ci', 'npm run build', 'npm test']);
  for (const command of commands) assert.ok(runs.includes(command), command);
  const at = (predicate: (step: Step) => boolean) => steps.findIndex(predicate);
  const pages = steps[at((s) => s.uses?.startsWith('actions/configure-pages@') ?? false)];
  const buildStep = steps[at((s) => s.run === 'npm run build')];
  assert.deepEqual(buildStep.env, {
    SITE_URL: `\${{ steps.${pages.id}.outputs.base_url }}`,
    PATH_PREFIX: `\${{ steps.${pages.id}.outputs.base_path }}`,
  });
  assert.ok(at((s) => s.run === 'npm ci') < at((s) => s.run === 'npm test'));
  assert.ok(at((s) => s.run === 'npm test') < at((s) => s === buildStep), 'a failing test stops the deploy');
  assert.ok(at((s) => s === pages) < at((s) => s === buildStep));
  const upload = steps[at((s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false)];
  assert.equal(upload.with?.path, buildSettings({}).outputDir);
  assert.ok(at((s) => s === buildStep) < at((s) => s === upload));
  assert.equal(jobs.deploy.needs, 'build');
  assert.equal(jobs.deploy.environment?.name, 'github-pages');
});

test('it installs what .ci/run installs, caches .cache/ and the last _site/ (incremental builds) and uses the Node version of .nvmrc, as Netlify does', () => {
  const steps = loadWorkflow().jobs.build.steps;
  const apt = steps.map((s) => s.run ?? '').join('\n');
  for (const pkg of ciPackages()) assert.match(apt, new RegExp(`apt-get install .*\\b${pkg}\\b`), pkg);
  assert.ok(ciPackages().includes('chromium'));
  const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
  // The page fingerprints live in .cache/pages, the build they describe in _site/: both, or no incremental build;
  // and the build that one replaced, where the next starts from.
  const { outputDir } = buildSettings({});
  assert.deepEqual(String(cache?.with?.path).trim().split('\n'), ['.cache', outputDir, spareDir(outputDir)]);
  assert.equal(buildSettings({}).pageCacheDir.split('/')[0], '.cache');
  assert.equal(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version-file'], '.nvmrc');

  const node = read('.nvmrc').trim();
  const engines = JSON.parse(read('package.json')).engines.node as string;
  assert.equal(engines, '>=20.19 <21 || >=22');
  assert.ok(Number(node) === 20 || Number(node) >= 22, `.nvmrc ${node} satisfies ${engines}`);
  const netlify = parseToml(read('netlify.toml')) as {
    build: { command: string; publish: string; environment: { NODE_VERSION: string } };
  };
  assert.equal(netlify.build.environment.NODE_VERSION, node);
  assert.equal(netlify.build.publish, buildSettings({}).outputDir);
  assert.match(netlify.build.command, /npm run build$/);
});
