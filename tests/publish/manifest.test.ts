// The build manifest (.portal-build.json) names what the deploy uploads and checks. The build describes
// the files it knows it wrote (the pages, and the folders it fills itself) instead of listing its whole
// output: a file written anywhere else would be published without being in the manifest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeOutput, readBuildManifest } from '../../src/publish/index.ts';
import { CHECKED_SITES, checkedSite } from '../support/checked-sites.ts';

for (const name of CHECKED_SITES)
  test(`${name}: the manifest names every file of the built site, with its size and sha256, and nothing else`, () => {
    const site = checkedSite(name);
    const manifest = readBuildManifest(site.dir);
    assert.ok(manifest, 'no manifest');
    // Read back from the disk, every file listed.
    const onDisk = describeOutput(site.dir);
    assert.deepEqual(Object.keys(manifest.files).sort(), Object.keys(onDisk).sort());
    assert.deepEqual(manifest.files, onDisk);
    // What the sample holds besides pages: photos, attachments, assets, the search index, the web editor.
    for (const folder of ['img/', 'tep/', 'assets/', 'pagefind/', 'quan-tri/'])
      assert.ok(
        Object.keys(onDisk).some((file) => file.startsWith(folder)),
        `${name}: no file under ${folder}`,
      );
  });
