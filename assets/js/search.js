// /tim-kiem/: search with Pagefind, as a progressive enhancement of the page's GET form
// (without JavaScript the page explains itself and links to Sơ đồ trang and the categories).
// The page's URL always says what is shown (?q=…&chuyen-muc=…&the=…&nam=…&sap-xep=moi-nhat), so a search can be shared.

const PAGE_SIZE = 10;
const NEWEST = 'moi-nhat';

// The query side is loaded by the hashed URL the page gives: asset names carry a content hash, so a relative import would miss.
// The page is set up from the URL at once (no layout shift when the module arrives); searches wait for the module.
const root = document.querySelector('[data-search-page]');
let readResult;
if (root) start(root, import(root.dataset.searchModule));

function start(root, loading) {
  const strings = JSON.parse(root.dataset.strings);
  const say = (key, values = {}) => strings[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
  const form = root.querySelector('form');
  const input = form.elements.namedItem('q');
  const selects = [...form.querySelectorAll('select[data-filter-key]')];
  const sortRadios = [...form.querySelectorAll('input[name="sap-xep"]')];
  const options = form.querySelector('.search-options');
  const wide = window.matchMedia('(min-width: 48rem)');
  const count = root.querySelector('.search-count');
  const advice = root.querySelector('.search-advice');
  const list = root.querySelector('.search-results');
  const shown = root.querySelector('.search-shown');
  const more = root.querySelector('.search-more');
  const engine = loading.then((module) => {
    readResult = module.readResult;
    return module.createSearch(new URL('../../pagefind/', import.meta.url).href);
  });
  const pageTitle = document.title;
  let results = [];
  let rendered = 0;
  let latest = 0;

  function fromUrl() {
    const params = new URLSearchParams(location.search);
    input.value = (params.get('q') ?? '').normalize('NFC');
    for (const select of selects) {
      const wanted = params.get(select.name) ?? '';
      select.value = [...select.options].some((option) => option.value === wanted) ? wanted : '';
    }
    const sort = params.get('sap-xep') === NEWEST ? NEWEST : '';
    for (const radio of sortRadios) radio.checked = radio.value === sort;
    // Folded on small screens so results come first, unless the link asks for a filter or an order.
    if (wide.matches || sort || selects.some((select) => select.value)) options.open = true;
  }

  function toUrl() {
    const params = new URLSearchParams();
    const query = input.value.trim().normalize('NFC');
    if (query) params.set('q', query);
    for (const select of selects) if (select.value) params.set(select.name, select.value);
    if (newestFirst()) params.set('sap-xep', NEWEST);
    const search = params.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  }

  const newestFirst = () => sortRadios.some((radio) => radio.checked && radio.value === NEWEST);
  const filters = () =>
    Object.fromEntries(
      selects.filter((s) => s.value).map((s) => [s.dataset.filterKey, s.selectedOptions[0].dataset.filterValue]),
    );

  function show(text, hint = '') {
    count.textContent = text;
    advice.textContent = hint;
  }

  async function run() {
    const mine = ++latest;
    const query = input.value.trim();
    const chosen = filters();
    document.title = query ? `${query} – ${pageTitle}` : pageTitle;
    if (!query && !Object.keys(chosen).length) {
      results = [];
      list.replaceChildren();
      updateMore();
      show(say('searchPrompt'));
      return;
    }
    list.setAttribute('aria-busy', 'true');
    show(say('searchLoading'));
    try {
      const found = await (await engine).search(query, { filters: chosen, newestFirst: newestFirst() });
      if (mine !== latest) return;
      results = found;
      rendered = 0;
      list.replaceChildren();
      await renderMore();
      if (mine !== latest) return;
      if (results.length) show(say(query ? 'searchFound' : 'searchFoundFiltered', { count: results.length, query }));
      else show(say(query ? 'searchNone' : 'searchNoneFiltered', { query }), say('searchNoneHint'));
    } catch (error) {
      if (mine !== latest) return;
      console.error(error);
      results = [];
      list.replaceChildren();
      updateMore();
      show(say('searchUnavailable'));
    } finally {
      if (mine === latest) list.removeAttribute('aria-busy');
    }
  }

  /** Shows the next PAGE_SIZE results; returns the first new link. */
  async function renderMore() {
    const batch = await Promise.all(results.slice(rendered, rendered + PAGE_SIZE).map(readResult));
    rendered += batch.length;
    const items = batch.map(resultItem);
    list.append(...items);
    updateMore();
    return items[0]?.querySelector('a');
  }

  function updateMore() {
    const left = results.length > rendered && results.length > 0;
    more.hidden = !left;
    shown.textContent = left ? say('searchShown', { shown: rendered, count: results.length }) : '';
  }

  function navigate() {
    const url = toUrl();
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    run();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate();
  });
  form.addEventListener('change', (event) => {
    if (event.target !== input) navigate();
  });
  more.addEventListener('click', async () => {
    const first = await renderMore();
    first?.focus();
  });
  window.addEventListener('popstate', () => {
    fromUrl();
    run();
  });

  fromUrl();
  run();
}

/** "2024-03-01T08:00:00+07:00" (Vietnam time, as the article page writes it) → "01/03/2024". */
function vietnamDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpt is escaped text with <mark> around matches: keep exactly that, nothing else. */
function excerptNodes(excerpt) {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) =>
    node.nodeName === 'MARK' ? element('mark', '', node.textContent) : document.createTextNode(node.textContent),
  );
}

function resultItem(result) {
  const item = element('li', 'search-result');
  const heading = element('h2', 'search-result-title');
  const link = element('a', '', result.title);
  link.href = result.url;
  heading.append(link);
  const meta = element('p', 'meta');
  if (result.date) {
    const time = element('time', '', vietnamDate(result.date));
    time.dateTime = result.date;
    meta.append(time);
  }
  if (result.category) meta.append(result.date ? ' · ' : '', element('span', 'search-result-category', result.category));
  const excerpt = element('p', 'search-excerpt');
  excerpt.append(...excerptNodes(result.excerpt));
  item.append(heading, meta, excerpt);
  return item;
}
