export { adminBackend, publishAdmin, type AdminOptions } from './publish.ts';
export { cmsConfig, formatName, type CmsBackendOptions } from './config.ts';
export { collectionSpecs, DATE_FORMAT, DATE_PATTERN, type CollectionSpec, type FieldProblem } from './collections.ts';
export { formFields, type CmsField } from './fields.ts';
export { parseEntry, serializeEntry, SOURCE_KEY, type FormatOptions } from './format.ts';
export { entryProblems, describeProblems } from './validate.ts';
export { DECAP_PHRASES, replaceFileQuestion, withPhrases, type Phrases } from './locale.ts';
export type { AdminPageData } from './admin.ts';
