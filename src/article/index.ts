// Article readers: every input becomes a stream of articles or error records.
export * from './result.js';
export { normaliseDate } from './dates.js';
export { readJsonl, articleFromJson } from './jsonl.js';
export { readPetrarch } from './petrarch.js';
export { splitDateLine, parseTextContent } from './text.js';
export { readInputs, readFileArticles, readStreamArticles, walkDirectory, formatFromPath } from './read.js';
export { articleFromHtml, htmlToText } from './html.js';
export { Fetcher, FetchError, isUrl, type FetchOptions, type Fetched } from './fetch.js';
export { parseFeed, feedDate, type Feed, type FeedEntry } from './feed.js';
export { sitemapFromScan, type Sitemap, type SitemapPage } from './sitemap.js';
