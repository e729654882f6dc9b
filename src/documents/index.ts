/**
 * Official documents (content/van-ban/): one Markdown file per document, its
 * fields in the front matter, its files attached; listed at /van-ban/ with
 * static filter pages by type, issuer, year and field.
 */
export {
  DOCUMENT_STATUSES,
  documentContract,
  documentFieldHints,
  documentFieldLabels,
  documentFrontMatterSchema,
  type DocumentFrontMatter,
} from './schema.ts';
export {
  buildDocuments,
  documentFileUses,
  numberKey,
  DOCUMENT_FACETS,
  type CheckedDocument,
  type DocumentFacet,
  type DocumentSource,
  type OfficialDocument,
} from './build.ts';
export { DocumentRegister, DOCUMENTS_PAGE_SIZE, type DocumentListPage, type FacetGroup } from './register.ts';
