import { MANIFEST_FILE, type BuildManifest } from '../publish/index.ts';
import { rmSync } from 'node:fs';
import { DeployRefused, verifyBuild } from './check.ts';
import { checkRedirectsFor, hostLayout, stageLayout, type HostName } from './host.ts';
import { phaseOf, type Operation, type Phase } from './phases.ts';
import { parseTarget, type Target, type TransportName } from './target.ts';
import { openTransport } from './transports.ts';

export { DeployRefused, verifyBuild, differences } from './check.ts';
export { phaseOf, isProtected, type Operation, type Phase, type Action } from './phases.ts';
export { parseTarget, transportNames, type Target, type TransportName } from './target.ts';
export { hostLayout, hostNames, HOST_FILES, type HostName, type HostLayout } from './host.ts';

export interface DeployOptions {
  /** The build to publish (`_site`). */
  outputDir: string;
  /** A folder, user@host:path (rsync) or remote:path (rclone); see parseTarget. */
  target: string;
  via?: TransportName;
  /**
   * The target is the root of a Cloudflare Pages or Netlify deploy: the build's
   * redirects must suit that host, and a build with a path prefix is laid out
   * under it, with `_headers` and `_redirects` at the root (see host.ts).
   */
  host?: HostName;
  /** The project folder holding the sources the build is checked against. */
  projectDir?: string;
  /** Report what would be done, change nothing. */
  dryRun?: boolean;
  /** Deploy into a target that has files but no portal build (they will be deleted). */
  force?: boolean;
  /** Called for each operation as it is done. */
  onOperation?: (operation: Operation) => void;
}

export interface DeployReport {
  target: Target;
  manifest: BuildManifest;
  /** Every upload and delete, in the order done. */
  operations: Operation[];
}

/**
 * Publishes a verified build: new then changed assets, new then changed pages,
 * stale files deleted, the manifest last (see phases.ts for why). Throws
 * DeployRefused, before touching the target, for a build that failed, is
 * incomplete or stale (verifyBuild), or a target that holds something else.
 */
export function deploy(options: DeployOptions): DeployReport {
  const manifest = verifyBuild(options.outputDir, { projectDir: options.projectDir });
  if (options.host) checkRedirectsFor(options.host, options.outputDir);
  const target = parseTarget(options.target, options.via);
  const layout = options.host ? hostLayout(manifest) : undefined;
  const staged = layout && layout.pathPrefix !== '/' ? stageLayout(options.outputDir, layout) : undefined;
  try {
    return publish(options, manifest, target, staged ?? { dir: options.outputDir, files: Object.keys(manifest.files) });
  } finally {
    if (staged) rmSync(staged.dir, { recursive: true, force: true });
  }
}

/** Uploads `source.files` (relative to `source.dir`, which also holds the manifest) in the order of phases.ts. */
function publish(
  options: DeployOptions,
  manifest: BuildManifest,
  target: Target,
  source: { dir: string; files: string[] },
): DeployReport {
  const transport = openTransport(target, source.dir, options.dryRun);

  const existing = transport.topLevel();
  if (existing.length && !existing.includes(MANIFEST_FILE) && !options.force) {
    throw new DeployRefused([
      `${target.location} đã có ${existing.length} mục (${existing.slice(0, 5).join(', ')}…) nhưng không phải nơi đã triển khai cổng ` +
        `(không có ${MANIFEST_FILE}); triển khai sẽ xóa những gì không thuộc bản dựng. Nếu đúng là nơi cần triển khai, chạy lại với --force.`,
    ]);
  }

  const operations: Operation[] = [];
  const record = (phase: Phase, action: Operation['action'], paths: string[]) => {
    for (const path of paths) {
      const operation = { phase, action, path };
      operations.push(operation);
      options.onOperation?.(operation);
    }
  };
  const files = source.files;
  for (const phase of ['assets', 'pages'] as const) {
    const inPhase = files.filter((file) => phaseOf(file) === phase);
    const added = new Set(transport.copy(inPhase, 'add'));
    record(phase, 'add', [...added]);
    record(
      phase,
      'update',
      transport.copy(
        inPhase.filter((file) => !added.has(file)),
        'update',
      ),
    );
  }
  record('stale', 'delete', transport.deleteStale());
  record('manifest', existing.includes(MANIFEST_FILE) ? 'update' : 'add', transport.copy([MANIFEST_FILE], 'update'));
  return { target, manifest, operations };
}
