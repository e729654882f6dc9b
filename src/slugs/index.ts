/** Vietnamese text as readers type it: NFC, the form every comparison uses. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Drops every diacritic, đ/Đ included (NFD alone keeps đ as a letter of its own). */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** URL slug: "Đà Nẵng" → "da-nang". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Slug of a new article's title, cut at a word boundary so the URL stays readable. */
export function titleSlug(title: string, maxLength = 80): string {
  const slug = slugify(title);
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : maxLength);
}
