/** The front matter between the first two `---` lines; no Node imports, so the web editor can use it too. */
export const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
