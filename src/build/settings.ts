import { DateTime } from 'luxon';
import { parseVietnamDate } from '../dates/index.ts';

export interface BuildSettings {
  contentDir: string;
  outputDir: string;
  showDrafts: boolean;
  now: DateTime;
  pathPrefix: string;
  /** Where processed photos are kept between builds (keep it between CI runs). */
  imageCacheDir: string;
}

/**
 * The build's knobs, from the environment so that `npm run build`, `npm start`
 * and the tests share one config: PORTAL_CONTENT, PORTAL_OUTPUT,
 * PORTAL_DRAFTS=1, PORTAL_NOW (ISO date, for tests of scheduling), PATH_PREFIX,
 * PORTAL_IMAGE_CACHE (default .cache/images).
 */
export function buildSettings(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  const now = env.PORTAL_NOW ? parseVietnamDate(env.PORTAL_NOW) : DateTime.now();
  if (!now) throw new Error(`PORTAL_NOW="${env.PORTAL_NOW}" không phải ngày ISO 8601 hợp lệ`);
  return {
    contentDir: env.PORTAL_CONTENT ?? 'content',
    outputDir: env.PORTAL_OUTPUT ?? '_site',
    showDrafts: env.PORTAL_DRAFTS === '1',
    now,
    pathPrefix: env.PATH_PREFIX ?? '/',
    imageCacheDir: env.PORTAL_IMAGE_CACHE ?? '.cache/images',
  };
}
