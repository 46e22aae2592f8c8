// Article readers: every input becomes a stream of articles or error records.
export * from './result.js';
export { normaliseDate } from './dates.js';
export { readJsonl, articleFromJson } from './jsonl.js';
export { readPetrarch } from './petrarch.js';
export { splitDateLine, parseTextContent } from './text.js';
export { readInputs, readFileArticles, readStreamArticles, walkDirectory, formatFromPath } from './read.js';
