import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

// The web editor's drafts are pull requests (src/cms: editorial workflow); this workflow checks each one.
const doc = parseDocument(readFileSync('.github/workflows/check.yml', 'utf8'));
const workflow = doc.toJS() as {
  on: { pull_request: { branches: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: { uses?: string; run?: string }[] }>;
};

test('every pull request to main is checked with npm run check and a build, with read-only rights', () => {
  assert.deepEqual(doc.errors, []);
  assert.deepEqual(workflow.on.pull_request.branches, ['main']);
  assert.deepEqual(workflow.permissions, { contents: 'read' });
  const runs = workflow.jobs.check.steps.map((step) => step.run).filter((run) => run?.startsWith('npm'));
  assert.deepEqual(runs, ['npm ci', 'npm run check', 'npm run build']);
  for (const step of workflow.jobs.check.steps.filter((s) => s.uses)) {
    assert.match(step.uses!, /^actions\/(checkout@v4|setup-node@v4|cache@v4)$/);
  }
});
