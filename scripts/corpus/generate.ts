/**
 * A deterministic corpus of Vietnamese news articles for benchmarks: the same
 * seed always writes the same content folder (site settings + Markdown
 * articles), ready for `npm run build` with PORTAL_CONTENT=<dir>.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSiteSettings } from '../../src/site/index.ts';
import { slugify } from '../../src/slugs/index.ts';
import { seededRandom, type Rng } from '../random.ts';
import type { PlantedArticle } from './relevance.ts';
import * as words from './vocabulary.ts';

export interface CorpusOptions {
  /** How many articles to write. */
  articles: number;
  /** Same seed, same corpus. */
  seed: number;
  /** The content folder to (re)create. */
  dir: string;
  /** Site settings to use; default: the sample portal's content/_data/site.yaml. */
  siteFile?: string;
  /** Dates are spread over these years (inclusive). */
  years?: [number, number];
  /** Photos (`/images/…` paths, the caller puts the files there): one article in PHOTO_EVERY gets one as its lead image. */
  photos?: string[];
  /** Hand-written articles to add after the generated ones (scripts/corpus/relevance.ts), each with two generated paragraphs. */
  planted?: PlantedArticle[];
}

const PHOTO_EVERY = 10;

export interface Corpus {
  dir: string;
  articles: number;
  /** A word in nearly every article ("tỉnh"), and one in a handful ("biogas"), for search benchmarks. */
  commonWord: string;
  rareWord: string;
  rareWordArticles: number;
}

const RARE_WORD = 'biogas';
const RARE_SENTENCE =
  'Nhiều hộ đã xây hầm biogas để xử lý chất thải chăn nuôi, vừa giảm ô nhiễm vừa có khí đốt phục vụ sinh hoạt.';
/** One article in RARE_EVERY mentions the rare word. */
const RARE_EVERY = 2000;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const between = (rng: Rng, low: number, high: number) => low + Math.floor(rng() * (high - low + 1));
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

function sentence(rng: Rng, topic: string, year: number): string {
  const n = () => String(between(rng, 3, 95));
  const templates = [
    () => `${pick(rng, words.agencies)} tổ chức ${pick(rng, words.events)} về ${topic} tại ${pick(rng, words.places)}.`,
    () =>
      `Theo báo cáo, trong năm ${year} toàn tỉnh có ${between(rng, 12, 4800)} ${pick(rng, words.units)} tham gia ${topic}, ${pick(rng, words.results).replace('{n}', n())}.`,
    () =>
      `Phát biểu tại ${pick(rng, words.events)}, ${pick(rng, words.officials)} đề nghị các cấp, các ngành ${pick(rng, words.directives)}.`,
    () =>
      `Đến nay, ${pick(rng, words.places)} đã có ${between(rng, 5, 900)} ${pick(rng, words.units)} được hỗ trợ từ chương trình ${topic}.`,
    () =>
      `${capitalise(pick(rng, words.places))} phấn đấu đến năm ${year + between(rng, 1, 5)} ${pick(rng, words.results).replace('{n}', n())} về ${topic}.`,
    () =>
      `Bên cạnh kết quả đạt được, việc ${topic} vẫn còn khó khăn do địa bàn rộng, giao thông đi lại ở vùng cao chưa thuận lợi.`,
    () =>
      `Thời gian tới, ${pick(rng, words.agencies)} sẽ ${pick(rng, words.directives)}, phấn đấu hoàn thành các chỉ tiêu của tỉnh.`,
    () =>
      `Nhiều mô hình hay, cách làm sáng tạo ở ${pick(rng, words.places)} được nhân rộng, góp phần nâng cao đời sống của nhân dân.`,
  ];
  return pick(rng, templates)();
}

function title(rng: Rng, topic: string, year: number): string {
  const templates = [
    () => `${pick(rng, words.agencies)} tổ chức ${pick(rng, words.events)} ${topic}`,
    () => `${capitalise(pick(rng, words.places))} đẩy mạnh ${topic}`,
    () => `Kết quả ${topic} năm ${year}`,
    () => `${capitalise(topic)}: ${pick(rng, words.results).replace('{n}', String(between(rng, 5, 60)))}`,
    () => `${capitalise(pick(rng, words.places))} ${pick(rng, words.directives)} trong ${topic}`,
  ];
  return pick(rng, templates)();
}

function quoted(text: string): string {
  return JSON.stringify(text);
}

/** Writes the corpus into `dir` (replacing it) and says what it holds. */
export function generateCorpus({
  articles,
  seed,
  dir,
  siteFile = 'content/_data/site.yaml',
  years = [2015, 2025],
  photos = [],
  planted = [],
}: CorpusOptions): Corpus {
  const site = loadSiteSettings(siteFile);
  const rng = seededRandom(seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, '_data'), { recursive: true });
  copyFileSync(siteFile, path.join(dir, '_data', 'site.yaml'));
  // The settings' menu points at the portal's static pages, so they come along.
  const pages = path.join(path.dirname(path.dirname(siteFile)), 'pages');
  if (existsSync(pages)) cpSync(pages, path.join(dir, 'pages'), { recursive: true });

  const start = Date.UTC(years[0], 0, 1);
  const span = Date.UTC(years[1], 11, 31) - start;
  let rare = 0;
  for (let i = 0; i < articles; i++) {
    const category = pick(rng, site.categories);
    const topicList = words.topics[category.slug] ?? Object.values(words.topics).flat();
    const topic = pick(rng, topicList);
    // Evenly spread over the years, a little jitter, during office hours in Vietnam.
    const day = new Date(start + Math.floor(((i + rng()) / articles) * span));
    const date = `${day.toISOString().slice(0, 10)}T${String(between(rng, 7, 17)).padStart(2, '0')}:${String(between(rng, 0, 59)).padStart(2, '0')}:00+07:00`;
    const year = day.getUTCFullYear();
    const heading = title(rng, topic, year);
    const tagCount = between(rng, 1, 3);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(rng, words.tags)))];
    const paragraphs = Array.from({ length: between(rng, 4, 8) }, () =>
      Array.from({ length: between(rng, 2, 4) }, () => sentence(rng, topic, year)).join(' '),
    );
    if (i % RARE_EVERY === 7) {
      paragraphs.splice(1, 0, RARE_SENTENCE);
      rare++;
    }
    const slug = `${slugify(heading).slice(0, 60).replace(/-+$/, '')}-${i + 1}`;
    const text = [
      '---',
      `title: ${quoted(heading)}`,
      `date: ${quoted(date)}`,
      `author: ${quoted(pick(rng, words.authors))}`,
      `category: ${category.slug}`,
      `tags: [${tags.map(quoted).join(', ')}]`,
      ...(photos.length && i % PHOTO_EVERY === 3
        ? [
            'image:',
            `  src: ${photos[((i / PHOTO_EVERY) | 0) % photos.length]}`,
            `  alt: ${quoted(`Quang cảnh ${topic}`)}`,
            `  caption: ${quoted(capitalise(topic))}`,
          ]
        : []),
      '---',
      paragraphs.join('\n\n'),
      '',
    ].join('\n');
    const folder = path.join(dir, 'articles', String(year));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${slug}.md`), text);
  }
  // After the generated articles, so those stay the same with or without planted ones.
  for (const article of planted) {
    const topic = pick(rng, words.topics[article.category] ?? Object.values(words.topics).flat());
    const year = Number(article.date.slice(0, 4));
    const filler = Array.from({ length: 2 }, () => Array.from({ length: 3 }, () => sentence(rng, topic, year)).join(' '));
    const text = [
      '---',
      `title: ${quoted(article.title)}`,
      `date: ${quoted(article.date)}`,
      `author: ${quoted(pick(rng, words.authors))}`,
      `category: ${article.category}`,
      `tags: [${quoted(pick(rng, words.tags))}]`,
      '---',
      [...article.paragraphs, ...filler].join('\n\n'),
      '',
    ].join('\n');
    const folder = path.join(dir, 'articles', String(year));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${article.slug}.md`), text);
  }
  return { dir, articles: articles + planted.length, commonWord: 'tỉnh', rareWord: RARE_WORD, rareWordArticles: rare };
}
