// npm run bench:images: how fast the photo pipeline is, next to sharp used directly, and how much memory it takes.
//
//   npm run bench:images                      200 photos of 24 MP; medians of 3 runs on 24 of them
//   npm run bench:images -- --photos 40 --sample 8 --runs 3
//
// Photos are generated with sharp (6000×4000 JPEG, camera EXIF with GPS, every
// fourth stored sideways with EXIF orientation) into a temp folder, which is
// kept and reused by later runs. Each measurement runs in a child process; the
// parent polls /proc for the peak resident memory of the child's whole
// process tree, and the child reports its own kernel-tracked peak (maxRSS).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

const ROOT = path.resolve(import.meta.dirname, '..');
const WIDTH = 6000;
const HEIGHT = 4000;

const { values: args } = parseArgs({
  options: {
    photos: { type: 'string', default: '200' },
    sample: { type: 'string', default: '24' },
    runs: { type: 'string', default: '3' },
    child: { type: 'string' },
  },
});

interface ChildResult {
  seconds: number;
  /** User + system CPU time of all the child's threads: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  maxRssMb: number;
  encoded?: number;
  reused?: number;
}

interface Measured extends ChildResult {
  treePeakMb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (kb: number) => Math.round(kb / 1024);

function elapsed(started: number, cpu: NodeJS.CpuUsage): ChildResult {
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    maxRssMb: mb(process.resourceUsage().maxRSS),
  };
}

// ---------------------------------------------------------------------------
// Children: the portal build, and the baseline (sharp straight on the files)

/** The real build (scripts/build.ts's buildSite) on the content folder given in the environment. */
async function childBuild(): Promise<ChildResult> {
  const { buildSite } = await import('../src/publish/index.ts');
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  const { images } = await buildSite();
  return { ...elapsed(started, cpu), ...images };
}

/**
 * What one would write with sharp alone: every output of every photo straight
 * from the file (rotate, resize, encode), the same widths, formats, encoder
 * settings and Open Graph crop, as many photos at once as there are cores.
 */
async function childBaseline(): Promise<ChildResult> {
  const { ENCODERS, FORMATS, OPEN_GRAPH, variantWidths } = await import('../src/images/index.ts');
  const input = process.env.BENCH_INPUT!;
  const output = process.env.BENCH_OUTPUT!;
  const files = readdirSync(input)
    .filter((name) => name.endsWith('.jpg'))
    .map((name) => path.join(input, name));
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const meta = await sharp(file).metadata();
      const width = meta.autoOrient.width;
      const name = path.basename(file, '.jpg');
      const jobs = FORMATS.flatMap((format) =>
        variantWidths(width).map((w) => {
          const pipeline = sharp(file).rotate().resize({ width: w });
          const encoded =
            format === 'avif'
              ? pipeline.avif(ENCODERS.avif)
              : format === 'webp'
                ? pipeline.webp(ENCODERS.webp)
                : pipeline.jpeg(ENCODERS.jpeg);
          return encoded.toFile(path.join(output, `${name}-${w}.${format}`));
        }),
      );
      jobs.push(
        sharp(file)
          .rotate()
          .resize({ width: OPEN_GRAPH.width, height: OPEN_GRAPH.height, fit: 'cover' })
          .jpeg(OPEN_GRAPH.jpeg)
          .toFile(path.join(output, `${name}-og.jpg`)),
      );
      await Promise.all(jobs);
    }
  };
  await Promise.all(Array.from({ length: os.availableParallelism() }, worker));
  return elapsed(started, cpu);
}

// ---------------------------------------------------------------------------
// Parent: photos, content, runs

/** Resident memory of a process and all its descendants, in kB. */
function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs this script as a child in `mode`, polling its process tree's memory. */
function measure(mode: 'build' | 'baseline', env: Record<string, string>): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench-images.ts'), '--child', mode], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 50);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      clearInterval(poll);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`${mode} failed (${code}):\n${out}`));
      resolve({ ...(JSON.parse(line) as ChildResult), treePeakMb: mb(peak) });
    });
  });
}

/** `count` distinct 24-megapixel camera-like photos, made once and kept in the temp folder. */
async function photos(count: number): Promise<string> {
  const dir = path.join(os.tmpdir(), `portal-bench-photos-${WIDTH}x${HEIGHT}`);
  mkdirSync(dir, { recursive: true });
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !existsSync(path.join(dir, `anh-${i}.jpg`)));
  if (!missing.length) return dir;
  console.log(`Tạo ${missing.length} ảnh ${WIDTH}×${HEIGHT} trong ${dir} …`);
  // Sensor-like grain under every photo; each gets its own shapes, so every file (and hash) differs.
  const grain = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 22 },
    },
  })
    .blur(1.2)
    .raw()
    .toBuffer();
  const queue = [...missing];
  const worker = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      let shapes = '';
      for (let k = 0; k < 40; k++) {
        const x = (i * 977 + k * 613) % WIDTH;
        const y = (i * 421 + k * 389) % HEIGHT;
        shapes += `<circle cx="${x}" cy="${y}" r="${200 + ((i + k) % 7) * 90}" fill="hsl(${(i * 37 + k * 53) % 360},55%,50%)" fill-opacity="0.55"/>`;
      }
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><defs><linearGradient id="g" x2="0" y2="1"><stop offset="0" stop-color="hsl(${i % 360},60%,70%)"/><stop offset="1" stop-color="hsl(${(i * 7) % 360},40%,30%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)" fill-opacity="0.6"/>${shapes}</svg>`;
      const upright = await sharp(grain, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
        .composite([{ input: Buffer.from(svg), blend: 'overlay' }])
        .png({ compressionLevel: 0 })
        .toBuffer();
      const sideways = i % 4 === 3;
      await (sideways ? sharp(upright).rotate(270).withMetadata({ orientation: 6 }) : sharp(upright))
        .withExif({
          IFD0: { Make: 'Canon', Model: 'EOS 90D' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 8/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 50/1 24/1' },
        })
        .jpeg({ quality: 90 })
        .toFile(path.join(dir, `anh-${i}.jpg`));
    }
  };
  await Promise.all(Array.from({ length: os.availableParallelism() }, worker));
  return dir;
}

/** A content folder with one article per photo (the photos in content/images/). */
function contentWith(photoDir: string, count: number): string {
  const dir = scratch('portal-bench-content-');
  mkdirSync(path.join(dir, '_data'), { recursive: true });
  mkdirSync(path.join(dir, 'images'));
  mkdirSync(path.join(dir, 'articles/2025'), { recursive: true });
  copyFileSync(path.join(ROOT, 'content/_data/site.yaml'), path.join(dir, '_data/site.yaml'));
  for (let i = 0; i < count; i++) {
    copyFileSync(path.join(photoDir, `anh-${i}.jpg`), path.join(dir, 'images', `anh-${i}.jpg`));
    const day = String((i % 28) + 1).padStart(2, '0');
    writeFileSync(
      path.join(dir, 'articles/2025', `bai-${i}.md`),
      `---\ntitle: "Bài có ảnh số ${i}"\ndate: "2025-03-${day}T08:00:00+07:00"\nauthor: Phóng viên\nimage:\n  src: /images/anh-${i}.jpg\n  alt: Ảnh số ${i}\n---\nNội dung bài ${i}.\n`,
    );
  }
  return dir;
}

const scratchDirs: string[] = [];
/** A temp folder, removed when the benchmark ends. */
function scratch(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

async function main(): Promise<void> {
  const total = Number(args.photos);
  const sample = Math.min(Number(args.sample), total);
  const runs = Number(args.runs);
  const photoDir = await photos(total);
  const cores = os.availableParallelism();
  console.log(
    `Máy: ${cores} lõi, ${mb(os.totalmem() / 1024)} MB RAM; sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}.`,
  );

  // 1. Medians: cold build, warm rebuild and the baseline on the same `sample` photos, `runs` times.
  const content = contentWith(photoDir, sample);
  const baselineInput = path.join(content, 'images');
  const cold: Measured[] = [];
  const warm: Measured[] = [];
  const baseline: Measured[] = [];
  for (let run = 1; run <= runs; run++) {
    const cache = scratch('portal-bench-cache-');
    const buildEnv = (out: string) => ({
      PORTAL_CONTENT: content,
      PORTAL_OUTPUT: path.join(out, '_site'),
      PORTAL_IMAGE_CACHE: cache,
    });
    cold.push(await measure('build', buildEnv(scratch('portal-bench-site-'))));
    warm.push(await measure('build', buildEnv(scratch('portal-bench-site-'))));
    const out = scratch('portal-bench-baseline-');
    baseline.push(await measure('baseline', { BENCH_INPUT: baselineInput, BENCH_OUTPUT: out }));
    const [c, w, b] = [cold[run - 1], warm[run - 1], baseline[run - 1]];
    console.log(
      `  lượt ${run}: dựng lần đầu ${c.seconds.toFixed(1)} s, CPU ${c.cpuSeconds.toFixed(1)} s (mã hóa ${c.encoded}); dựng lại ${w.seconds.toFixed(2)} s (mã hóa ${w.encoded}); sharp trực tiếp ${b.seconds.toFixed(1)} s, CPU ${b.cpuSeconds.toFixed(1)} s`,
    );
  }
  const coldS = median(cold.map((m) => m.seconds));
  const warmS = median(warm.map((m) => m.seconds));
  const baseS = median(baseline.map((m) => m.seconds));
  const coldCpu = median(cold.map((m) => m.cpuSeconds));
  const baseCpu = median(baseline.map((m) => m.cpuSeconds));
  console.log(`\n${sample} ảnh 24 MP, trung vị ${runs} lượt:`);
  console.log(`  dựng lần đầu (cả cổng):  ${coldS.toFixed(1)} s = ${(sample / coldS).toFixed(2)} ảnh/s`);
  console.log(`  dựng lại, ảnh không đổi: ${warmS.toFixed(2)} s (mã hóa ${warm.map((m) => m.encoded).join('/')} ảnh)`);
  console.log(`  sharp trực tiếp:         ${baseS.toFixed(1)} s = ${(sample / baseS).toFixed(2)} ảnh/s`);
  console.log(`  thời gian CPU: dựng lần đầu ${coldCpu.toFixed(1)} s, sharp trực tiếp ${baseCpu.toFixed(1)} s`);
  console.log(
    `  tỉ lệ dựng lần đầu / sharp trực tiếp: ${(coldS / baseS).toFixed(2)} (thời gian), ${(coldCpu / baseCpu).toFixed(2)} (CPU); dựng lại / sharp trực tiếp: ${(warmS / baseS).toFixed(3)}`,
  );
  console.log(
    `  bộ nhớ đỉnh (cây tiến trình): dựng ${median(cold.map((m) => m.treePeakMb))} MB, sharp trực tiếp ${median(baseline.map((m) => m.treePeakMb))} MB`,
  );

  // 2. Scale and memory: every photo through the real build once, then a rebuild.
  if (total > sample || runs === 0) {
    const all = contentWith(photoDir, total);
    const cache = scratch('portal-bench-cache-');
    const env = (out: string) => ({ PORTAL_CONTENT: all, PORTAL_OUTPUT: path.join(out, '_site'), PORTAL_IMAGE_CACHE: cache });
    const big = await measure('build', env(scratch('portal-bench-site-')));
    const again = await measure('build', env(scratch('portal-bench-site-')));
    console.log(`\n${total} ảnh 24 MP (${WIDTH}×${HEIGHT}), một lượt:`);
    console.log(
      `  dựng lần đầu: ${big.seconds.toFixed(1)} s = ${(total / big.seconds).toFixed(2)} ảnh/s, CPU ${big.cpuSeconds.toFixed(0)} s (mã hóa ${big.encoded})`,
    );
    console.log(
      `  bộ nhớ đỉnh: cây tiến trình ${big.treePeakMb} MB (đo mỗi 50 ms), tiến trình dựng ${big.maxRssMb} MB (maxRSS của nhân)`,
    );
    console.log(
      `  dựng lại: ${again.seconds.toFixed(2)} s (mã hóa ${again.encoded}, dùng lại ${again.reused}), bộ nhớ đỉnh ${again.treePeakMb} MB`,
    );
  }
}

if (args.child) {
  const result = args.child === 'build' ? await childBuild() : await childBaseline();
  console.log(JSON.stringify(result));
} else {
  try {
    await main();
  } finally {
    for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
  }
}
