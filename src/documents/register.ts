import type { DateTime } from 'luxon';
import { paginate, type PagePlace } from '../pagination/index.ts';
import { t } from '../i18n/index.ts';
import { routes } from '../routes/index.ts';
import type { SiteSettings } from '../site/index.ts';
import { slugify } from '../slugs/index.ts';
import type { DocumentFacet, FacetValue, OfficialDocument } from './build.ts';

export const DOCUMENTS_PAGE_SIZE = 20;

/** One page of a list of documents: all of them, or those of one type, issuer, year or field. */
export interface DocumentListPage extends PagePlace {
  description: string;
  documents: OfficialDocument[];
  /** Newest publication of its documents: its lastmod in sitemap.xml. */
  lastmod: DateTime;
  /** The facet value this list is narrowed to (none on /van-ban/). */
  facet?: { key: DocumentFacet; slug: string };
}

/** The values of one facet, each with its list's URL and count, for the filter links. */
export interface FacetGroup {
  key: DocumentFacet;
  label: string;
  values: (FacetValue & { url: string; count: number })[];
}

const facetLabels: Record<DocumentFacet, Parameters<typeof t>[0]> = {
  loai: 'documentType',
  'co-quan': 'documentIssuer',
  nam: 'documentYear',
  'linh-vuc': 'documentField',
};

function facetOf(document: OfficialDocument, key: DocumentFacet): FacetValue | undefined {
  if (key === 'loai') return document.type;
  if (key === 'co-quan') return document.issuer;
  if (key === 'linh-vuc') return document.field;
  return { name: String(document.year), slug: String(document.year) };
}

/** The latest publication among `documents`; an empty list is dated like the site (`fallback`). */
function newest(documents: OfficialDocument[], fallback: DateTime): DateTime {
  if (!documents.length) return fallback;
  // biome-ignore lint/complexity/useMathMinMax: luxon DateTimes compare by value but Math.max would return a number
  return documents.reduce<DateTime>((max, d) => (d.published > max ? d.published : max), documents[0].published);
}

function documentListPages(
  siteUpdated: DateTime,
  documents: OfficialDocument[],
  urlFor: (pageNumber: number) => string,
  title: string,
  description: string,
  facet?: DocumentListPage['facet'],
): DocumentListPage[] {
  return paginate(documents, DOCUMENTS_PAGE_SIZE, title, urlFor).map(({ place, items }) => ({
    ...place,
    description,
    documents: items,
    lastmod: newest(items, siteUpdated),
    facet,
  }));
}

/**
 * The published documents, computed once: newest issued first, the list
 * /van-ban/ and one static list per type, issuer, year and field, so that
 * filtering works without JavaScript.
 */
export class DocumentRegister {
  readonly documents: OfficialDocument[];
  readonly facets: FacetGroup[];
  /** /van-ban/ and its pages. */
  readonly listPages: DocumentListPage[];
  /** /van-ban/<facet>/<value>/ and their pages. */
  readonly facetPages: DocumentListPage[];
  /** The newest issue date: the lastmod of the lists. */
  readonly updated?: DateTime;

  /** `siteUpdated` dates a list with no documents yet. */
  constructor(site: SiteSettings, documents: OfficialDocument[], siteUpdated: DateTime) {
    this.documents = [...documents].sort(
      (a, b) => b.issued.toMillis() - a.issued.toMillis() || a.number.localeCompare(b.number, 'vi', { numeric: true }),
    );
    this.updated = this.documents[0]?.published;
    const typeOrder = site.documentTypes.map(slugify);
    this.facets = (Object.keys(facetLabels) as DocumentFacet[]).map((key) => {
      const values = new Map<string, FacetValue & { url: string; count: number }>();
      for (const document of this.documents) {
        const value = facetOf(document, key);
        if (!value) continue;
        const entry = values.get(value.slug) ?? { ...value, url: routes.documentFilter(key, value.slug), count: 0 };
        entry.count++;
        values.set(value.slug, entry);
      }
      const sorted = [...values.values()].sort((a, b) =>
        key === 'nam'
          ? Number(b.slug) - Number(a.slug)
          : key === 'loai'
            ? typeOrder.indexOf(a.slug) - typeOrder.indexOf(b.slug)
            : a.name.localeCompare(b.name, 'vi'),
      );
      return { key, label: t(facetLabels[key]), values: sorted };
    });
    this.listPages = documentListPages(
      siteUpdated,
      this.documents,
      (n) => routes.documents(n),
      t('documentsTitle'),
      t('documentsDescription'),
    );
    this.facetPages = this.facets.flatMap(({ key, label, values }) =>
      values.flatMap((value) =>
        documentListPages(
          siteUpdated,
          this.documents.filter((document) => facetOf(document, key)?.slug === value.slug),
          (n) => routes.documentFilter(key, value.slug, n),
          t('documentsFilteredTitle', { facet: label, value: value.name }),
          t('documentsFilteredDescription', { facet: label.toLowerCase(), value: value.name }),
          { key, slug: value.slug },
        ),
      ),
    );
  }
}
