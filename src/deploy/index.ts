import { MANIFEST_FILE, type BuildManifest } from '../publish/index.ts';
import { DeployRefused, verifyBuild } from './check.ts';
import { phaseOf, type Operation, type Phase } from './phases.ts';
import { parseTarget, type Target, type TransportName } from './target.ts';
import { openTransport } from './transports.ts';

export { DeployRefused, verifyBuild, differences } from './check.ts';
export { phaseOf, isProtected, type Operation, type Phase, type Action } from './phases.ts';
export { parseTarget, transportNames, type Target, type TransportName } from './target.ts';

export interface DeployOptions {
  /** The build to publish (`_site`). */
  outputDir: string;
  /** A folder, user@host:path (rsync) or remote:path (rclone); see parseTarget. */
  target: string;
  via?: TransportName;
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
  const target = parseTarget(options.target, options.via);
  const transport = openTransport(target, options.outputDir, options.dryRun);

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
  const files = Object.keys(manifest.files);
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
