import { ASSETS_URL, HASHED_FOLDERS } from '../assets/index.ts';
import { routes } from '../routes/index.ts';
import { PAGEFIND_HASHED_FILES } from '../search/index.ts';
import type { SiteSettings } from '../site/index.ts';

/** One block of a `_headers` file: a path pattern (`*` matches anything) and the headers sent for it. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
  /**
   * Headers of earlier rules this one replaces. Cloudflare Pages sends every
   * matching rule's value, joined with commas, unless a `! Name` line detaches
   * the earlier one; Netlify keeps the later rule's value and skips that line.
   */
  replaces?: string[];
}

export interface PolicyOptions {
  /**
   * A `<meta http-equiv>` policy can't carry `frame-ancestors` (browsers ignore
   * it there and log an error), so the meta copy leaves it out.
   */
  delivery: 'header' | 'meta';
}

const YEAR = 365 * 24 * 60 * 60;
const MONTH = 30 * 24 * 60 * 60;

/** Origin of the Góp ý endpoint, the one place outside the portal a form may post to. */
function feedbackOrigin(site: SiteSettings): string | undefined {
  return site.feedback.endpoint ? new URL(site.feedback.endpoint).origin : undefined;
}

/**
 * The Content-Security-Policy: everything from the portal's own origin, no
 * inline script or style, Pagefind's WebAssembly allowed, forms only to the
 * portal and its feedback endpoint.
 */
export function contentSecurityPolicy(site: SiteSettings, { delivery }: PolicyOptions = { delivery: 'header' }): string {
  const formTargets = ["'self'", feedbackOrigin(site)].filter(Boolean).join(' ');
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    // Pagefind compiles its WebAssembly search engine in the browser.
    ['script-src', "'self' 'wasm-unsafe-eval'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['form-action', formTargets],
    ['base-uri', "'self'"],
    ['object-src', "'none'"],
  ];
  if (delivery === 'header') directives.push(['frame-ancestors', "'none'"]);
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

export interface AdminPolicyOptions extends PolicyOptions {
  /** `npm run cms`: the local decap-server the editor talks to. */
  localProxy?: string;
}

/**
 * The policy of the web editor (/quan-tri/, Decap CMS): the portal's, relaxed
 * only where Decap needs it. Its React styling injects <style> elements
 * ('unsafe-inline' styles), it compiles its config validator at run time
 * ('unsafe-eval'), it previews and reads uploads as blob: URLs, and it talks to GitHub's
 * API (or to the local proxy) and the sign-in server. Nothing else may load.
 */
export function adminContentSecurityPolicy(
  site: SiteSettings,
  { delivery, localProxy }: AdminPolicyOptions = { delivery: 'header' },
): string {
  const auth = site.cms?.authUrl ? new URL(site.cms.authUrl).origin : undefined;
  const connect = ["'self'", 'blob:', 'https://api.github.com', auth, localProxy && new URL(localProxy).origin].filter(Boolean);
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', "'self' 'unsafe-eval'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com"],
    ['font-src', "'self' data:"],
    ['connect-src', connect.join(' ')],
    ['form-action', "'self'"],
    ['base-uri', "'self'"],
    ['object-src', "'none'"],
  ];
  if (delivery === 'header') directives.push(['frame-ancestors', "'none'"]);
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Headers every response carries. */
export function securityHeaders(site: SiteSettings): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(site),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Only features browsers know: an unknown one is logged as an error on every page.
    'Permissions-Policy':
      'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (new URL(site.baseUrl).protocol === 'https:') headers['Strict-Transport-Security'] = `max-age=${YEAR}`;
  return headers;
}

/** `/` + `assets/css/*` under the site's path prefix. */
function underPrefix(pathPrefix: string, path: string): string {
  return `${pathPrefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * The rules of the `_headers` file: security headers everywhere, a year of
 * immutable caching for everything whose name carries its content's hash
 * (stylesheets, scripts, photos under /img/, Pagefind's index chunks), a month for fonts.
 * The patterns never overlap: Cloudflare Pages joins the values of a header set twice.
 */
export function headerRules(site: SiteSettings, pathPrefix = '/'): HeaderRule[] {
  return [
    { path: underPrefix(pathPrefix, '/*'), headers: securityHeaders(site) },
    ...HASHED_FOLDERS.map((folder) => ({
      path: underPrefix(pathPrefix, `${ASSETS_URL}${folder}/*`),
      headers: { 'Cache-Control': `public, max-age=${YEAR}, immutable` },
    })),
    ...[`${routes.image('')}*`, ...PAGEFIND_HASHED_FILES].map((pattern) => ({
      path: underPrefix(pathPrefix, pattern),
      headers: { 'Cache-Control': `public, max-age=${YEAR}, immutable` },
    })),
    { path: underPrefix(pathPrefix, `${ASSETS_URL}fonts/*`), headers: { 'Cache-Control': `public, max-age=${MONTH}` } },
    // Last, so its policy replaces the portal's there: two policies would both apply, and the portal's blocks Decap.
    ...(site.cms
      ? [
          {
            path: underPrefix(pathPrefix, `${routes.admin}*`),
            replaces: ['Content-Security-Policy'],
            headers: { 'Content-Security-Policy': adminContentSecurityPolicy(site), 'X-Robots-Tag': 'noindex, nofollow' },
          },
        ]
      : []),
  ];
}

/** The rules in the `_headers` format read by Netlify and Cloudflare Pages. */
export function headersFile(rules: HeaderRule[]): string {
  const blocks = rules.map((rule) =>
    [
      rule.path,
      ...(rule.replaces ?? []).map((name) => `  ! ${name}`),
      ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`),
    ].join('\n'),
  );
  return `# Tạo tự động từ content/_data/site.yaml (src/security); đừng sửa tay.\n${blocks.join('\n\n')}\n`;
}
