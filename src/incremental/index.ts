/**
 * Incremental builds: which pages an edit touches. Every page of the many-page
 * types (articles, category, tag and archive pages, redirects) gets a
 * fingerprint of everything it shows; a build renders only the pages whose
 * fingerprint changed and keeps the previous build's file for the others
 * (npm run build from the previous _site, npm start from its last rebuild).
 */
export { ArticleDigests, pageInputs } from './fingerprint.ts';
export {
  outputFile,
  planPages,
  planShards,
  type PageFingerprints,
  type PreviousPages,
  type RenderPlan,
  type ShardFingerprints,
} from './plan.ts';
export {
  keepPreviousFiles,
  listFiles,
  reuseUnchangedFiles,
  writtenFiles,
  type FileDescription,
  type KeptFiles,
} from './output.ts';
export { codeDigest, siteDigest } from './site-digest.ts';
export { readPageFingerprints, savePageFingerprints, type StoredFingerprints } from './store.ts';
