// The bare baseline of `npm run bench`: Eleventy 3.1 with its defaults, one Nunjucks
// article layout and one paginated list, over the same Markdown articles as the portal.
// npm run bench copies the articles into ./articles and runs this with BASELINE_OUTPUT set.
export default function (eleventyConfig) {
  eleventyConfig.addGlobalData('layout', 'article.njk');
  eleventyConfig.addGlobalData('permalink', '/tin-tuc/{{ page.fileSlug }}/');
  return {
    dir: { input: '.', includes: '_includes', output: process.env.BASELINE_OUTPUT ?? '_site' },
    templateFormats: ['md', 'njk'],
  };
}
