import { strings, type StringKey } from '../i18n/index.ts';

/** The strings assets/js/search.js shows, handed to it in the page's data-strings attribute. */
const SCRIPT_STRINGS = [
  'searchPrompt',
  'searchLoading',
  'searchFound',
  'searchFoundFiltered',
  'searchShown',
  'searchNone',
  'searchNoneFiltered',
  'searchNoneHint',
  'searchUnavailable',
] as const satisfies readonly StringKey[];

export type SearchScriptStrings = Record<(typeof SCRIPT_STRINGS)[number], string>;

/** The search script's strings, as templates: it fills {count}, {query} and {shown} itself. */
export function searchScriptStrings(): SearchScriptStrings {
  return Object.fromEntries(SCRIPT_STRINGS.map((key) => [key, strings[key]])) as SearchScriptStrings;
}
