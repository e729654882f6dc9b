import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_NOW, FIXTURES, build, copyFixture, page, text, writeArticle, type BuildRun } from '../support/build.ts';
import { PAGE_TYPES, pageTypeSamples } from '../support/page-types.ts';

let run: BuildRun;
let content: string;

before(() => {
  content = copyFixture('basic');
  // Static pages, documents and their files, so every page type of the registry has a page.
  for (const folder of ['pages', 'van-ban', 'tep'])
    cpSync(path.join(FIXTURES, 'documents', folder), path.join(content, folder), { recursive: true });
  // 23 more articles in one category and one tag, so both paginate (20 a page).
  for (let i = 1; i <= 23; i++) {
    const day = String(i).padStart(2, '0');
    writeArticle(
      content,
      `2023/bai-kinh-te-${i}.md`,
      `---\ntitle: "Tin kinh tế số ${i}"\ndate: "2023-05-${day}T08:00:00+07:00"\nauthor: Phóng viên\ncategory: kinh-te\ntags: ["Kinh tế"]\n---\nĐoạn mở đầu của tin kinh tế số ${i}.\n`,
    );
  }
  run = build(content);
  assert.equal(run.status, 0, run.stderr);
});

/** One page of every page type the registry (src/pages) declares, and a category's page 2. */
let everyPage: string[];
before(async () => {
  const samples = await pageTypeSamples({ dir: run.outputDir, contentDir: content, now: BUILD_NOW });
  assert.deepEqual([...new Set(samples.map((sample) => sample.type))], PAGE_TYPES, 'a page of every type');
  everyPage = samples.map((sample) => sample.url);
});

describe('every page', () => {
  test('is Vietnamese, with skip link, header links, menu, search box and footer', () => {
    for (const url of everyPage) {
      const $ = page(run.outputDir, url);
      assert.equal($('html').attr('lang'), 'vi', url);
      const skip = $('a.skip-link');
      assert.equal(skip.text(), 'Bỏ qua, đến nội dung chính', url);
      assert.equal($(skip.attr('href')).length, 1, `${url}: skip link target`);
      assert.deepEqual(
        $('header nav[aria-label="Liên kết nhanh"] a')
          .map((_, a) => $(a).text())
          .get(),
        ['Trang chủ', 'Góp ý', 'Sơ đồ trang', 'Liên hệ'],
        url,
      );
      assert.equal($('.greeting').text(), 'Cổng thông tin điện tử Bắc Kạn kính chào quý khách!');
      assert.ok($('nav.main-menu a[href="/chuyen-muc/kinh-te/"]').length, url);
      assert.equal($('form[role="search"]').attr('action'), '/tim-kiem/', url);
      assert.match(text($, 'footer'), /Văn phòng Ủy ban nhân dân tỉnh Bắc Kạn.*Ghi rõ nguồn/, url);
      // The legal lines, from the site settings.
      assert.deepEqual(
        $('footer p')
          .slice(0, 4)
          .map((_, p) => $(p).text())
          .get(),
        [
          'Cơ quan chủ quản: Ủy ban nhân dân tỉnh Bắc Kạn',
          'Cơ quan quản lý: Văn phòng Ủy ban nhân dân tỉnh Bắc Kạn',
          'Chịu trách nhiệm chính: Ông Nguyễn Văn Minh – Chánh Văn phòng UBND tỉnh, Trưởng Ban biên tập',
          'Giấy phép số 05/GP-STTTT ngày 15/3/2019 của Sở Thông tin và Truyền thông tỉnh Bắc Kạn',
        ],
        url,
      );
      // The phone menu's button, closed, naming the list it opens.
      const toggle = $('nav.main-menu button.menu-toggle');
      assert.equal(toggle.text(), 'Danh mục', url);
      assert.equal(toggle.attr('aria-expanded'), 'false', url);
      // It opens the whole menu: the site.yaml items and the pages with "menu: main".
      assert.equal($(`#${toggle.attr('aria-controls')} a`).length, $('nav.main-menu a').length, url);
      assert.ok($('nav.main-menu a').length >= 8, url);
      assert.ok($('title').text().length > 0, url);
      assert.ok($('meta[name="description"]').attr('content'), url);
      assert.ok($('link[rel="alternate"][type="application/atom+xml"]').length, url);
      assert.equal($('h1').length, 1, `${url}: one h1`);
    }
  });
});

describe('article page', () => {
  test('shows breadcrumb, title, Vietnam-time update line, figure, body, author and tags', () => {
    const $ = page(run.outputDir, '/tin-tuc/bac-kan-so-ket/');
    assert.deepEqual(
      $('.breadcrumb a')
        .map((_, a) => $(a).text())
        .get(),
      ['Trang chủ', 'Chỉ đạo điều hành'],
    );
    assert.equal(text($, 'h1'), 'Bắc Kạn sơ kết 03 năm thực hiện các chương trình mục tiêu quốc gia');
    assert.equal(text($, '.updated'), '(Cập nhật lúc: 06/08/2018 23:30:00)');
    assert.equal($('.updated time').attr('datetime'), '2018-08-06T23:30:00+07:00');
    assert.equal(text($, 'figure figcaption'), 'Quang cảnh Hội nghị');
    assert.equal($('figure img').attr('alt'), 'Các đại biểu dự hội nghị trong hội trường');
    assert.equal(text($, '.author'), 'Thu Cúc');
    assert.deepEqual(
      $('.tags a')
        .map((_, a) => $(a).attr('href'))
        .get(),
      ['/the/nong-thon-moi/', '/the/giam-ngheo/'],
    );
    // No summary in front matter: the first paragraph is the description, and isn't repeated above the body.
    assert.match($('meta[name="description"]').attr('content') ?? '', /^Ngày 03\/8\/2018, UBND tỉnh Bắc Kạn/);
    assert.equal($('.summary').length, 0);
    assert.equal(text(page(run.outputDir, '/tin-tuc/dang-uy-hop/'), '.summary'), 'Đảng ủy khối họp bàn nhiệm vụ quý II.');
    assert.equal($('link[rel="canonical"]').attr('href'), 'https://vidu.gov.vn/tin-tuc/bac-kan-so-ket/');
    assert.match($('meta[property="og:image"]').attr('content') ?? '', /^https:\/\/vidu\.gov\.vn\/img\/[0-9a-f]{16}-og\.jpg$/);
  });

  test('"Các tin khác" lists other articles newest first with thumbnails, and share links are plain links', () => {
    const $ = page(run.outputDir, '/tin-tuc/bac-kan-so-ket/');
    const related = $('section.related .story-title a')
      .map((_, a) => $(a).attr('href'))
      .get();
    assert.equal(related.length, 8);
    assert.ok(!related.includes('/tin-tuc/bac-kan-so-ket/'));
    // Chosen by relevance (it shares a tag, so it is in), shown newest first.
    assert.equal(related[0], '/tin-tuc/dang-uy-hop/');
    const dates = $('section.related time')
      .map((_, time) => $(time).attr('datetime'))
      .get();
    assert.deepEqual(dates, [...dates].sort().reverse());
    $('section.related .story').each((_, item) => {
      assert.equal($(item).find('.story-photo').attr('href'), $(item).find('.story-title a').attr('href'));
      assert.equal($(item).find('.story-photo picture, .story-photo .photo-placeholder').length, 1, 'a photo or its placeholder');
    });
    const share = $('.share a')
      .map((_, a) => $(a).attr('href'))
      .get();
    assert.match(
      share[0],
      /^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=https%3A%2F%2Fvidu\.gov\.vn%2Ftin-tuc%2Fbac-kan-so-ket%2F$/,
    );
    assert.match(share[1], /^https:\/\/sp\.zalo\.me\//);
    assert.match(share[2], /^mailto:\?subject=/);
    assert.equal(
      $('script[src]').filter((_, s) => !($(s).attr('src') ?? '').startsWith('/')).length,
      0,
      'no third-party scripts',
    );
  });

  test('external links are marked and safe; raw HTML is escaped', () => {
    const $ = page(run.outputDir, '/tin-tuc/bac-kan-so-ket/');
    const external = $('.article-body a[href="https://chinhphu.vn"]');
    assert.equal(external.attr('rel'), 'noopener noreferrer');
    assert.match(external.text(), /liên kết ngoài/);
    const other = page(run.outputDir, '/tin-tuc/dang-uy-hop/');
    assert.equal(other('.article-body b').length, 0);
    assert.match(text(other, '.article-body'), /<b>tháng 3<\/b>/);
  });

  test('JSON-LD survives a title containing </script>', () => {
    const $ = page(run.outputDir, '/tin-tuc/dang-uy-hop/');
    const scripts = $('script[type="application/ld+json"]');
    assert.equal(scripts.length, 1);
    const data = JSON.parse(scripts.text());
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, 'Đảng ủy khối họp phiên thường kỳ </script><script>alert(1)</script>');
    assert.equal(data.datePublished, '2024-03-01T08:00:00+07:00');
    assert.equal(data.dateModified, '2024-03-02T10:15:00+07:00');
    assert.equal($('script:not([type]), script[type="text/javascript"]').filter((_, s) => !$(s).attr('src')).length, 0);
  });
});

describe('lists', () => {
  test('category pages paginate 20 a page, newest first, with Vietnamese pagination', () => {
    const first = page(run.outputDir, '/chuyen-muc/kinh-te/');
    assert.equal(first('.card').length, 20);
    assert.equal(text(first, '.card-title'), 'Tin kinh tế số 23');
    assert.equal(text(first, '.page-status'), 'Trang 1/2');
    assert.equal(first('a[rel="next"]').attr('href'), '/chuyen-muc/kinh-te/trang-2/');
    assert.equal(first('link[rel="next"]').attr('href'), '/chuyen-muc/kinh-te/trang-2/');
    assert.equal(text(first, 'a[rel="next"]'), 'Trang sau');
    const second = page(run.outputDir, '/chuyen-muc/kinh-te/trang-2/');
    assert.equal(second('.card').length, 3);
    assert.equal(text(second, '.page-status'), 'Trang 2/2');
    assert.equal(text(second, 'a[rel="prev"]'), 'Trang trước');
    assert.equal(second('link[rel="prev"]').attr('href'), '/chuyen-muc/kinh-te/');
    assert.equal(second('.pagination a[aria-current="page"]').text(), '2');
  });

  test('tag pages merge spellings that differ only in case', () => {
    const $ = page(run.outputDir, '/the/nong-thon-moi/');
    assert.equal($('.card').length, 2);
    const index = page(run.outputDir, '/the/');
    assert.equal(index('a[href="/the/nong-thon-moi/"]').length, 1);
  });

  test('the archive groups by year and month', () => {
    const $ = page(run.outputDir, '/luu-tru/');
    assert.deepEqual(
      $('main h2')
        .map((_, h) => $(h).text())
        .get(),
      ['Năm 2024', 'Năm 2023', 'Năm 2018'],
    );
    assert.equal($('a[href="/luu-tru/2023/05/"]').text(), 'Tin bài tháng 5 năm 2023');
    assert.equal(page(run.outputDir, '/luu-tru/2023/05/')('.card').length, 23);
  });
});

test('the menu marks the current section: its own pages, and (as the current item) its articles', () => {
  const current = (url: string) => {
    const $ = page(run.outputDir, url);
    return $('nav.main-menu a[aria-current]')
      .map((_, a) => `${$(a).text()} ${$(a).attr('aria-current')}`)
      .get();
  };
  assert.deepEqual(current('/'), ['Trang chủ page']);
  assert.deepEqual(current('/chuyen-muc/kinh-te/'), ['Kinh tế page']);
  assert.deepEqual(current('/chuyen-muc/kinh-te/trang-2/'), ['Kinh tế page']);
  assert.deepEqual(current('/tin-tuc/bac-kan-so-ket/'), ['Chỉ đạo điều hành true']);
  assert.deepEqual(current('/tin-tuc/dang-uy-hop/'), ['Chính trị true']);
  assert.deepEqual(current('/lien-he/'), []);
});

describe('home', () => {
  test('leads with the newest article, four secondary stories, the latest, and a block per category with more news', () => {
    const $ = page(run.outputDir, '/');
    assert.equal($('.lead-title a').attr('href'), '/tin-tuc/dang-uy-hop/');
    assert.equal($('.secondary-stories .story').length, 4);
    assert.equal($('.latest li').length, 8);
    // Chính trị's only article is the lead: its block would repeat it, so there is none.
    const blocks = $('.category-block h2')
      .map((_, h) => $(h).text())
      .get();
    assert.deepEqual(blocks, ['Kinh tế', 'Chỉ đạo điều hành']);
    assert.equal($('.category-block').first().find('.block-top .story-photo').length, 1);
    assert.equal($('.category-block').first().find('.headline-list li').length, 3);
  });
});

describe('drafts and scheduled articles', () => {
  test('are not published anywhere', () => {
    assert.equal(existsSync(path.join(run.outputDir, 'tin-tuc/ban-nhap')), false);
    assert.equal(existsSync(path.join(run.outputDir, 'tin-tuc/hen-gio')), false);
    for (const file of ['feed.xml', 'sitemap.xml', 'index.html']) {
      const body = readFileSync(path.join(run.outputDir, file), 'utf8');
      assert.doesNotMatch(body, /ban-nhap|hen-gio|Bài đang soạn|Bài hẹn giờ/, file);
    }
  });
});

describe('sitemap, contact, feedback', () => {
  test('Sơ đồ trang groups sections, categories, archive and tags', () => {
    const $ = page(run.outputDir, '/so-do-trang/');
    assert.deepEqual(
      $('main h2')
        .map((_, h) => $(h).text())
        .get(),
      ['Các mục chính', 'Giới thiệu và thông tin', 'Văn bản', 'Chuyên mục', 'Lưu trữ', 'Từ khóa'],
    );
    assert.equal($('main a[href="/chuyen-muc/y-te/"]').length, 1);
    assert.equal($('main a[href="/lien-he/"]').length, 1);
  });

  test('sitemap.xml lists every article and page with lastmod; robots.txt names it', () => {
    const $ = page(run.outputDir, 'sitemap.xml');
    const locs = $('url loc')
      .map((_, l) => $(l).text())
      .get();
    assert.ok(locs.includes('https://vidu.gov.vn/tin-tuc/bac-kan-so-ket/'));
    assert.ok(locs.includes('https://vidu.gov.vn/chuyen-muc/kinh-te/trang-2/'));
    assert.equal($('url').length, $('url lastmod').length);
    assert.match(readFileSync(path.join(run.outputDir, 'robots.txt'), 'utf8'), /Sitemap: https:\/\/vidu\.gov\.vn\/sitemap\.xml/);
  });

  test('Liên hệ shows the agency and officials with tel: and mailto: links', () => {
    const $ = page(run.outputDir, '/lien-he/');
    assert.equal($('main a[href="tel:02093870223"]').text(), '0209 3870 223');
    assert.equal($('main a[href="mailto:congthongtin@backan.example.gov.vn"]').length, 1);
    assert.equal($('.official').length, 3);
  });

  test('Góp ý has the required fields, consent, a hidden honeypot, and posts to the endpoint', () => {
    const $ = page(run.outputDir, '/gop-y/');
    const form = $('form.feedback-form');
    assert.equal(form.attr('action'), 'https://gopy.backan.example.gov.vn/gui');
    assert.equal(form.attr('method'), 'post');
    const label = (id: string) => text($, `label[for="${id}"]`);
    for (const [id, name] of [
      ['gy-ten', 'Họ và tên'],
      ['gy-email', 'Thư điện tử'],
      ['gy-tieu-de', 'Tiêu đề'],
      ['gy-noi-dung', 'Nội dung'],
    ]) {
      assert.equal(label(id), `${name} *`);
      assert.equal($(`#${id}`).prop('required'), true, id);
    }
    assert.equal($('#gy-email').attr('type'), 'email');
    assert.equal($('#gy-dien-thoai').prop('required'), false);
    assert.equal($('#gy-dong-y').attr('type'), 'checkbox');
    assert.equal($('#gy-dong-y').prop('required'), true);
    assert.ok($('#gy-website').closest('.honeypot').length);
    assert.equal($('input[name="_next"]').attr('value'), 'https://vidu.gov.vn/gop-y/cam-on/');
  });
});

describe('feed', () => {
  test('Atom feed lists published articles newest first with absolute links', () => {
    const $ = page(run.outputDir, 'feed.xml');
    const links = $('entry link')
      .map((_, l) => $(l).attr('href'))
      .get();
    assert.equal(links.length, 20);
    assert.equal(links[0], 'https://vidu.gov.vn/tin-tuc/dang-uy-hop/');
    assert.ok(links.every((l) => l.startsWith('https://vidu.gov.vn/tin-tuc/')));
  });
});
