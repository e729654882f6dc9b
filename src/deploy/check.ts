import { existsSync } from 'node:fs';
import {
  describeOutput,
  digestSources,
  hashSources,
  MANIFEST_FILE,
  readBuildManifest,
  type BuildManifest,
  type OutputFile,
} from '../publish/index.ts';

/** A deploy that must not happen; `reasons` say why and what to do, in Vietnamese. */
export class DeployRefused extends Error {
  constructor(readonly reasons: string[]) {
    super(`Không triển khai:\n${reasons.map((r) => `- ${r}`).join('\n')}`);
    this.name = 'DeployRefused';
  }
}

export interface Differences {
  added: string[];
  removed: string[];
  changed: string[];
}

/** What differs between two path → hash maps, the first being the recorded one. */
export function differences(recorded: Record<string, string>, current: Record<string, string>): Differences {
  return {
    added: Object.keys(current)
      .filter((file) => !(file in recorded))
      .sort(),
    removed: Object.keys(recorded)
      .filter((file) => !(file in current))
      .sort(),
    changed: Object.keys(current)
      .filter((file) => file in recorded && recorded[file] !== current[file])
      .sort(),
  };
}

function someFiles(files: string[], limit = 5): string {
  const shown = files.slice(0, limit).join(', ');
  return files.length > limit ? `${shown} và ${files.length - limit} tệp khác` : shown;
}

function describe(diff: Differences, words: { added: string; removed: string; changed: string }): string {
  return (['changed', 'added', 'removed'] as const)
    .filter((kind) => diff[kind].length)
    .map((kind) => `${diff[kind].length} tệp ${words[kind]} (${someFiles(diff[kind])})`)
    .join('; ');
}

const isEmpty = (diff: Differences) => !diff.added.length && !diff.removed.length && !diff.changed.length;

/** Allowance between the build's clock and the deploy's before PORTAL_NOW counts as time travel. */
const CLOCK_SLACK_MS = 60_000;

export interface CheckOptions {
  /** Where the sources named in the manifest are (the project folder). */
  projectDir?: string;
}

/**
 * Proves a build may be published, or throws DeployRefused saying why not:
 * there is no build; it failed or is incomplete (no manifest); its files were
 * changed, removed or added after it finished; it is older than the sources
 * (any content, layout, asset or code file differs from the hash recorded when
 * the build started); it shows drafts; or it ran on a clock set in the future.
 *
 * Content hashes, not modification times: a fresh checkout gives every file a
 * new mtime though nothing changed (CI builds in one job and deploys in
 * another), while a revert can give changed files an older mtime.
 */
export function verifyBuild(outputDir: string, { projectDir = process.cwd() }: CheckOptions = {}): BuildManifest {
  if (!existsSync(outputDir)) {
    throw new DeployRefused([`Không có bản dựng ở ${outputDir}. Hãy chạy "npm run build" trước.`]);
  }
  const manifest = readBuildManifest(outputDir);
  if (!manifest) {
    throw new DeployRefused([
      `${outputDir} không có ${MANIFEST_FILE}: lần dựng gần nhất chưa xong hoặc đã thất bại. ` +
        'Hãy chạy "npm run build" và chỉ triển khai khi lệnh báo đã dựng xong.',
    ]);
  }
  const reasons: string[] = [];

  const hashes = (files: Record<string, OutputFile>) =>
    Object.fromEntries(Object.entries(files).map(([file, { sha256 }]) => [file, sha256]));
  const outputDiff = differences(hashes(manifest.files), hashes(describeOutput(outputDir)));
  if (!isEmpty(outputDiff)) {
    reasons.push(
      `Bản dựng không còn nguyên vẹn: ${describe(outputDiff, { changed: 'bị sửa', added: 'lạ được thêm', removed: 'bị mất' })} ` +
        `sau khi dựng. Hãy chạy lại "npm run build".`,
    );
  }

  if (digestSources(hashSources(manifest.sourceRoots, projectDir)) !== manifest.sourcesDigest) {
    reasons.push(
      'Bản dựng cũ hơn mã nguồn: nội dung, giao diện hoặc mã đã thay đổi (sửa, thêm hoặc xóa tệp) sau lần dựng. ' +
        'Hãy chạy "npm run build" rồi triển khai lại.',
    );
  }

  if (manifest.showDrafts) {
    reasons.push('Bản dựng này hiện cả bản nháp (PORTAL_DRAFTS=1) nên không được xuất bản. Hãy dựng lại không có PORTAL_DRAFTS.');
  }
  if (manifest.clock && Date.parse(manifest.clock) > Date.now() + CLOCK_SLACK_MS) {
    reasons.push(
      `Bản dựng dùng đồng hồ giả lập ở tương lai (PORTAL_NOW=${manifest.clock}) nên có thể đăng sớm các bài hẹn giờ. ` +
        'Hãy dựng lại không có PORTAL_NOW.',
    );
  }
  if (reasons.length) throw new DeployRefused(reasons);
  return manifest;
}
