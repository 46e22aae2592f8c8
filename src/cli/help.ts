// Help texts (kept next to each other so they stay consistent with the README).

export const MAIN_HELP = `Usage: dyad <command> [options]

Code news articles into political event data (who did what to whom, when and where).

Commands:
  code <inputs...|->     code articles into event records (jsonl, csv, gdelt, plover)
  analyze <inputs...|->  print everything found in each article (one Analysis JSON per line)
  actors                 resolve actor phrases (one per line on stdin) to actor codes
  explain "<sentence>"   show how a sentence is coded: tokens, chunks, actors, patterns tried
  ingest <inputs...|->   code articles into a store (SQLite file or postgres://…), idempotently
  watch DIR              ingest new and changed files in a folder as they appear
  export                 stream events from a store (jsonl, csv, gdelt, plover, mentions)
  enqueue <inputs...|->  put articles on a Redis/BullMQ queue for workers
  worker                 take articles from the queue, code them, store them in PostgreSQL
  serve                  the HTTP API and web UI over a store
  keys                   manage API keys for serve (add, list, revoke)

Options:
  -h, --help             show help (also: dyad <command> --help)
  -v, --version          print the version

Inputs are files, directories (read recursively), http(s) URLs (pages, RSS/Atom feeds,
sitemaps) or - for stdin. Data goes to stdout,
errors to stderr as "dyad: <record>: <reason>".
Exit codes: 0 all records coded, 1 some records failed (the rest were written), 2 usage error.
`;

/** Flags for http(s) inputs, shared by every reading command. */
export const FETCH_HELP = `  --timeout SECONDS      per-request time limit for http(s) inputs and linked pages (default 30)
  --max-bytes SIZE       largest body fetched, e.g. 512K, 20M (default 50M); beyond it the
                         download is stopped and the record fails
  --max-redirects N      redirects followed per URL (default 5; loops are detected)
  --follow-links         read the page each feed item links to, even if the item has text`;

const INPUT_HELP = `Input options:
  --date YYYY-MM-DD      article date for inputs that carry none (plain text without a date
                         line, JSON lines without "date", pages and feed items without one);
                         default for plain text and local HTML: file mtime
  --input-format F       auto (default), text, dated, jsonl, petrarch, html, feed
                         auto: .jsonl/.ndjson/.json = JSON lines, .html/.htm = HTML page,
                         .rss/.atom = feed, .xml = RSS/Atom feed or sitemap by its root element,
                         else PETRARCH XML; anything else text (with an optional first line
                         "date YYYY-MM-DD"); stdin and URLs are sniffed (URLs by Content-Type).
${FETCH_HELP}`;

const DICTIONARY_HELP = `Dictionary options (PETRARCH format; alone each replaces the built-in part):
  --verbs F              a PETRARCH verb dictionary (e.g. CAMEO.2.0.txt)
  --actors F[,F...]      PETRARCH actor dictionaries (date-restricted codes resolved per article)
  --agents F             a PETRARCH agents dictionary
  --discards F           a PETRARCH discards dictionary
  --dictionaries MODE    builtin (default), petrarch, or builtin+petrarch (add to ours)`;

export const CODE_HELP = `Usage: dyad code <inputs...|-> [options]

Code articles into event records, one per line (or row).

Options:
  -f, --format F         jsonl (default), csv, gdelt, plover
  --header               with --format gdelt: write a header row (csv always has one)
${INPUT_HELP}
${DICTIONARY_HELP}
  -h, --help             show this help
`;

export const ANALYZE_HELP = `Usage: dyad analyze <inputs...|-> [options]

Print one Analysis JSON object per article: {article, entities, places, timexes, quotes, events}.

Options:
  --pretty               indent the JSON (no longer one object per line)
${INPUT_HELP}
${DICTIONARY_HELP}
  -h, --help             show this help
`;

export const ACTORS_HELP = `Usage: dyad actors [phrases...] [--date YYYY-MM-DD]

Resolve actor phrases to codes. Phrases are read one per line from stdin (or given as
arguments); each prints a JSON line {text, code, country, sectors, name}.

Options:
  --date YYYY-MM-DD      resolve people as of this date (e.g. who held an office then)
  --context TEXT         the setting (a country or place, e.g. "Somalia") that gives the
                         country when a phrase names none ("the National Guard")
  --actors F[,F...]      PETRARCH-format actor dictionaries (replace ours, or add with
                         --dictionaries builtin+petrarch); --agents F likewise for agents
  -h, --help             show this help
`;

export const EXPLAIN_HELP = `Usage: dyad explain "<sentence or text>" [--date YYYY-MM-DD] [--json]

Show how a text is coded, for dictionary editors: tokens with POS and lemma, actor matches (and
what a pronoun or surname refers to), each verb group with its subject and flags (negated, future,
passive, ...), every candidate pattern with its file:line and why it fired or not, and the events.

Options:
  --date YYYY-MM-DD      article date (default: today)
  --json                 the same as one JSON object
${DICTIONARY_HELP}
  -h, --help             show this help
`;
