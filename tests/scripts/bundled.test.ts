// scripts/bundled.js, which npm run build runs: the script bundled, made again only when a file it is made
// of changes, each module still finding its files beside its source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/build.ts';
import { NPM_RUN_BUILD } from '../../scripts/npm-scripts.ts';

test('npm run build runs scripts/build.ts through scripts/bundled.js', () => {
  assert.deepEqual(NPM_RUN_BUILD, ['scripts/bundled.js', 'build']);
});

test('a script runs bundled, from its own folder, and is bundled again after an edit only', (t) => {
  // Bundled files must live in scripts/ and src/: a script of this test's own, removed afterwards.
  const name = `zz-bundled-test-${process.pid}`;
  const script = path.join(ROOT, 'scripts', `${name}.ts`);
  const bundle = path.join(ROOT, '.cache/scripts', `${name}.mjs`);
  t.after(() => {
    for (const file of [script, bundle, `${bundle}.map`, path.join(ROOT, '.cache/scripts', `${name}.json`)])
      rmSync(file, { force: true });
  });
  const write = (value: string) =>
    writeFileSync(
      script,
      `import { SHARD_PAGES } from '../src/search/shards.ts';\n` +
        `console.log(JSON.stringify({ value: '${value}', shardPages: SHARD_PAGES, dir: import.meta.dirname, args: process.argv.slice(2) }));\n`,
    );
  const run = () => {
    const result = spawnSync(process.execPath, ['scripts/bundled.js', name, '--thu', 'một'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout);
  };

  write('mot');
  assert.deepEqual(run(), { value: 'mot', shardPages: 5000, dir: path.join(ROOT, 'scripts'), args: ['--thu', 'một'] });
  assert.match(readFileSync(bundle, 'utf8'), /SHARD_PAGES/, 'the project’s module is inside the bundle');
  const made = statSync(bundle).mtimeMs;

  assert.equal(run().value, 'mot');
  assert.equal(statSync(bundle).mtimeMs, made, 'an unchanged script is not bundled again');

  write('hai'); // the same size: the time of the change tells it
  assert.equal(run().value, 'hai');

  // The bundle holds the project's absolute paths: a project moved with its files' times is bundled again.
  const stampFile = path.join(ROOT, '.cache/scripts', `${name}.json`);
  const remade = statSync(bundle).mtimeMs;
  writeFileSync(stampFile, JSON.stringify({ ...JSON.parse(readFileSync(stampFile, 'utf8')), root: '/noi-khac' }));
  assert.equal(run().value, 'hai');
  assert.notEqual(statSync(bundle).mtimeMs, remade, 'bundled again for the new folder');
});

test("the project's JavaScript modules a script bundles are in its stamp, so an edit to one bundles it again", (t) => {
  const name = `zz-bundled-js-${process.pid}`;
  const script = path.join(ROOT, 'scripts', `${name}.ts`);
  const stampFile = path.join(ROOT, '.cache/scripts', `${name}.json`);
  const bundle = path.join(ROOT, '.cache/scripts', `${name}.mjs`);
  t.after(() => {
    for (const file of [script, bundle, `${bundle}.map`, stampFile]) rmSync(file, { force: true });
  });
  writeFileSync(script, `import { AHEAD } from '../src/content/read-ahead-claims.js';\nconsole.log(AHEAD);\n`);
  const result = spawnSync(process.execPath, ['scripts/bundled.js', name], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), '2');
  const stamped = Object.keys(JSON.parse(readFileSync(stampFile, 'utf8')).files);
  assert.ok(stamped.includes(path.join('src', 'content', 'read-ahead-claims.js')), stamped.join(', '));
});

test('an unknown script is refused with how to call it, in Vietnamese', () => {
  const result = spawnSync(process.execPath, ['scripts/bundled.js', 'khong-co'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /Cách dùng: node scripts\/bundled\.js/);
});
