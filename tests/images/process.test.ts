import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ImageError, ImageProcessor, createLimit, type ProcessedImage } from '../../src/images/index.ts';
import { EXIF_TAG, MARK, exifTags, writePhoto } from '../support/photos.ts';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'portal-images-'));
const processor = (cacheDir = scratch()) => new ImageProcessor({ cacheDir, concurrency: 2 });

/** Reads back every file the pipeline wrote for a photo. */
async function outputs(image: ProcessedImage) {
  return Promise.all(
    [...image.variants, image.openGraph].map(async (file) => ({ file, meta: await sharp(file.path).metadata() })),
  );
}

test('every width up to the original, in AVIF, WebP and JPEG, plus a 1200×630 Open Graph JPEG', async () => {
  const dir = scratch();
  const image = await processor().process(await writePhoto(path.join(dir, 'lon.jpg'), { width: 2400, height: 1600 }));
  const widths = (format: string) => image.variants.filter((v) => v.format === format).map((v) => v.width);
  for (const format of ['avif', 'webp', 'jpeg']) assert.deepEqual(widths(format), [360, 720, 1080, 1600], format);
  assert.deepEqual([image.width, image.height], [1600, 1067]);
  for (const { file, meta } of await outputs(image)) {
    assert.equal(meta.format, file.format === 'avif' ? 'heif' : file.format, file.url);
    assert.deepEqual([meta.width, meta.height], [file.width, file.height], `${file.url}: recorded size is the file's`);
    assert.match(file.url, new RegExp(`^/img/${image.hash}-(\\d+|og)\\.(avif|webp|jpg)$`));
  }
  assert.deepEqual([image.openGraph.width, image.openGraph.height, image.openGraph.format], [1200, 630, 'jpeg']);

  const small = await processor().process(
    await writePhoto(path.join(dir, 'nho.png'), { width: 800, height: 500, format: 'png' }),
  );
  assert.deepEqual(
    small.variants.filter((v) => v.format === 'webp').map((v) => v.width),
    [360, 720, 800],
    'capped at the original, never enlarged',
  );
  assert.deepEqual([small.width, small.height], [800, 500]);
});

test('no EXIF, GPS, XMP, IPTC or ICC survives in any output', async () => {
  const file = await writePhoto(path.join(scratch(), 'dien-thoai.jpg'), { width: 1200, height: 900, sideways: true });
  const input = await sharp(file).metadata();
  assert.ok(input.exif && exifTags(input.exif).includes(EXIF_TAG.gps), 'the input carries a GPS position');
  assert.ok(exifTags(input.exif).includes(EXIF_TAG.make));
  for (const { file: output, meta } of await outputs(await processor().process(file))) {
    assert.equal(meta.exif, undefined, `${output.url}: EXIF`);
    assert.equal(meta.xmp, undefined, `${output.url}: XMP`);
    assert.equal(meta.iptc, undefined, `${output.url}: IPTC`);
    assert.equal(meta.icc, undefined, `${output.url}: ICC`);
    assert.equal(meta.orientation, undefined, `${output.url}: orientation`);
  }
});

test('a photo stored sideways with EXIF orientation comes out upright', async () => {
  const file = await writePhoto(path.join(scratch(), 'nghieng.jpg'), { width: 1200, height: 800, sideways: true });
  const stored = await sharp(file).metadata();
  assert.deepEqual([stored.width, stored.height, stored.orientation], [800, 1200, 6], 'stored portrait, tagged to turn');
  const image = await processor().process(file);
  assert.deepEqual([image.width, image.height], [1200, 800]);
  for (const { file: output, meta } of await outputs(image)) {
    if (output === image.openGraph) continue;
    assert.ok(meta.width! > meta.height!, `${output.url} is landscape`);
    const { data, info } = await sharp(output.path).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    const [r, g, b] = pixel(Math.round(info.width / 16), Math.round(info.height / 16));
    assert.ok(
      r > 200 && g < 60 && b < 60,
      `${output.url}: the red mark is top-left, got ${[r, g, b]} (expected ${Object.values(MARK)})`,
    );
    const [, , blue] = pixel(info.width - 5, info.height - 5);
    assert.ok(blue > 150, `${output.url}: bottom-right is blue`);
  }
});

test('the cache: a second run encodes nothing; a changed photo is encoded again', async () => {
  const dir = scratch();
  const cacheDir = scratch();
  const file = await writePhoto(path.join(dir, 'a.jpg'), { width: 900, height: 600 });
  const first = processor(cacheDir);
  const image = await first.process(file);
  await first.process(file);
  assert.deepEqual(first.stats, { encoded: 1, reused: 0 }, 'the same file twice is encoded once');

  const second = processor(cacheDir);
  const again = await second.process(file);
  assert.deepEqual(second.stats, { encoded: 0, reused: 1 });
  assert.deepEqual(
    again.variants.map((v) => v.url),
    image.variants.map((v) => v.url),
  );

  writeFileSync(path.join(dir, 'copy.jpg'), readFileSync(file));
  await second.process(path.join(dir, 'copy.jpg'));
  assert.deepEqual(second.stats, { encoded: 0, reused: 2 }, 'keyed by content, not by name');

  await writePhoto(file, { width: 900, height: 601 });
  const changed = await processor(cacheDir).process(file);
  assert.notEqual(changed.hash, image.hash, 'new content, new file names');
  assert.ok(existsSync(changed.openGraph.path));
});

test('missing, corrupt, truncated and unsupported files are rejected with their reason', async () => {
  const dir = scratch();
  const reason = async (file: string) => {
    try {
      await processor().process(file);
    } catch (error) {
      assert.ok(error instanceof ImageError, String(error));
      return [error.kind, error.detail];
    }
    assert.fail(`${file} was accepted`);
  };
  assert.equal((await reason(path.join(dir, 'khong-co.jpg')))[0], 'missing');
  writeFileSync(path.join(dir, 'rac.jpg'), 'đây không phải là ảnh');
  assert.equal((await reason(path.join(dir, 'rac.jpg')))[0], 'corrupt');
  const whole = readFileSync(await writePhoto(path.join(dir, 'du.jpg'), { width: 1000, height: 800, camera: false }));
  writeFileSync(path.join(dir, 'cut.jpg'), whole.subarray(0, Math.round(whole.length / 2)));
  assert.equal((await reason(path.join(dir, 'cut.jpg')))[0], 'corrupt');
  assert.deepEqual(
    await reason(await writePhoto(path.join(dir, 'dong.gif'), { width: 100, height: 80, camera: false, format: 'gif' })),
    ['unsupported', 'gif'],
  );
  writeFileSync(path.join(dir, 've.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  assert.deepEqual(await reason(path.join(dir, 've.svg')), ['unsupported', 'svg']);
});

test('the processor never runs more tasks at once than its limit', async () => {
  const limit = createLimit(2);
  let running = 0;
  let peak = 0;
  const task = async () => {
    peak = Math.max(peak, ++running);
    await new Promise((resolve) => setImmediate(resolve));
    running--;
  };
  await Promise.all(Array.from({ length: 9 }, () => limit(task)));
  assert.equal(peak, 2);
});
