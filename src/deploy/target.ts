import path from 'node:path';

export type TransportName = 'folder' | 'rsync' | 'rclone';
export const transportNames: TransportName[] = ['folder', 'rsync', 'rclone'];

export interface Target {
  transport: TransportName;
  /** A folder (absolute), an rsync destination (user@host:path) or an rclone remote (remote:path). */
  location: string;
}

/**
 * Reads `npm run deploy -- <target>`: "user@host:path" is rsync over SSH,
 * "remote:path" (or ":backend:path") an rclone remote, anything else a local
 * folder copied with plain file operations. `via` forces one, e.g. rsync to an
 * SSH host alias ("may-chu:/var/www") or to a local folder.
 */
export function parseTarget(arg: string, via?: TransportName): Target {
  const isFolder = (text: string) => !/^[^/\\]*:/.test(text) || /^[A-Za-z]:[\\/]/.test(text);
  const transport: TransportName = via ?? (/^[^/:@]+@[^/:]+:/.test(arg) ? 'rsync' : isFolder(arg) ? 'folder' : 'rclone');
  const location = transport === 'folder' || (transport === 'rsync' && isFolder(arg)) ? path.resolve(arg) : arg;
  return { transport, location };
}
