import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problems/index.ts';
import { documentLines } from './load.ts';
import { type SiteSettings, siteFieldHints } from './schema.ts';

/** The footer's legal lines a government portal carries. */
export const LEGAL_FIELDS = ['owner', 'responsible', 'licence'] as const;

/** A warning for each legal line missing from `agency` in the site settings. */
export function missingLegalNotice(site: SiteSettings, file: string): Problem[] {
  const missing = LEGAL_FIELDS.filter((field) => !site.agency[field]);
  if (!missing.length) return [];
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter });
  const lines = documentLines(doc, counter);
  return missing.map((field) => ({
    severity: 'warning',
    file,
    line: lines(['agency', field]),
    field: `agency.${field}`,
    message: `chân trang chưa có dòng này, cổng thông tin của cơ quan nhà nước cần có; hãy thêm vào agency (cần: ${siteFieldHints[`agency.${field}`]})`,
  }));
}
