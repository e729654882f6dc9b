/**
 * The order of a deploy. Readers must never meet a page whose images, styles or
 * links are not there yet, so: files that pages point to (assets) before pages;
 * within each, new files before changed ones (a new article exists before the
 * home page that links to it is replaced; a new content-hashed file exists
 * before the file naming it); stale files are deleted only when no uploaded
 * page points to them; the build manifest goes last, recording what is live.
 */
export type Phase = 'assets' | 'pages' | 'stale' | 'manifest';
export type Action = 'add' | 'update' | 'delete';

export interface Operation {
  phase: Phase;
  action: Action;
  /** Posix path relative to the site's root. */
  path: string;
}

/** Documents that point to other files: HTML and XML pages, robots.txt, and the hosts' _redirects and _headers. */
export function phaseOf(file: string): 'assets' | 'pages' {
  return /\.(html?|xml|txt)$/i.test(file) || /(^|\/)_(redirects|headers)$/.test(file) ? 'pages' : 'assets';
}

/** Paths a deploy never deletes, though the build lacks them: the server's own (ACME challenges, security.txt). */
export const PROTECTED_PATHS = ['.well-known/'];

export function isProtected(file: string): boolean {
  return PROTECTED_PATHS.some((prefix) => file === prefix.slice(0, -1) || file.startsWith(prefix));
}
