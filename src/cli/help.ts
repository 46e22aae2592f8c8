// Help texts (kept next to each other so they stay consistent with the README).

export const MAIN_HELP = `Usage: dyad <command> [options]

Code news articles into political event data (who did what to whom, when and where).

Commands:
  code <inputs...|->     code articles into event records (jsonl, csv, gdelt, plover)
  analyze <inputs...|->  print everything found in each article (one Analysis JSON per line)
  actors                 resolve actor phrases (one per line on stdin) to actor codes

Options:
  -h, --help             show help (also: dyad <command> --help)
  -v, --version          print the version

Inputs are files, directories (read recursively) or - for stdin. Data goes to stdout,
errors to stderr as "dyad: <record>: <reason>".
Exit codes: 0 all records coded, 1 some records failed (the rest were written), 2 usage error.
`;

const INPUT_HELP = `Input options:
  --date YYYY-MM-DD      article date for inputs that carry none (plain text without a date
                         line, JSON lines without "date"); default for plain text: file mtime
  --input-format F       auto (default), text, dated, jsonl, petrarch
                         auto: .jsonl/.ndjson/.json = JSON lines, .xml = PETRARCH XML, else text
                         (with an optional first line "date YYYY-MM-DD"); stdin is sniffed.`;

export const CODE_HELP = `Usage: dyad code <inputs...|-> [options]

Code articles into event records, one per line (or row).

Options:
  -f, --format F         jsonl (default), csv, gdelt, plover
  --header               with --format gdelt: write a header row (csv always has one)
${INPUT_HELP}
  -h, --help             show this help
`;

export const ANALYZE_HELP = `Usage: dyad analyze <inputs...|-> [options]

Print one Analysis JSON object per article: {article, entities, places, timexes, quotes, events}.

Options:
  --pretty               indent the JSON (no longer one object per line)
${INPUT_HELP}
  -h, --help             show this help
`;

export const ACTORS_HELP = `Usage: dyad actors [phrases...] [--date YYYY-MM-DD]

Resolve actor phrases to codes. Phrases are read one per line from stdin (or given as
arguments); each prints a JSON line {text, code, country, sectors, name}.

Options:
  --date YYYY-MM-DD      resolve people as of this date (e.g. who held an office then)
  -h, --help             show this help
`;
