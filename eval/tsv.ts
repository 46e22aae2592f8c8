// A TSV reader for files written by Python's csv module (pandas to_csv(sep='\t')): a field that starts
// with a double quote is quoted, may hold tabs, newlines and doubled quotes ("" → "); a quote anywhere
// else is literal. One linear scan over the text, no regexes.

/** Split TSV text into rows of fields. Handles \n and \r\n line ends; a trailing newline adds no row. */
export function parseTsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let atFieldStart = true;
  while (i < n) {
    const ch = text[i];
    if (atFieldStart && ch === '"') {
      // Quoted field: read to the closing quote, unescaping "".
      i++;
      for (;;) {
        if (i >= n) throw new Error('tsv: unterminated quoted field');
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
      atFieldStart = false;
      // Python writes the delimiter or line end right after the closing quote; tolerate stray text.
      continue;
    }
    if (ch === '\t') {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  if (!atFieldStart || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface TsvTable {
  /** Header names; an unnamed column (the pandas index) has the name ''. */
  columns: string[];
  records: Record<string, string>[];
}

/** Parse TSV with a header row into records keyed by column name (missing trailing cells become ''). */
export function parseTsv(text: string): TsvTable {
  const rows = parseTsvRows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (rows.length === 0) return { columns: [], records: [] };
  const columns = rows[0];
  const records = rows.slice(1).filter((r) => !(r.length === 1 && r[0] === '')).map((r) => {
    const rec: Record<string, string> = {};
    columns.forEach((c, k) => {
      rec[c] = r[k] ?? '';
    });
    return rec;
  });
  return { columns, records };
}

/** The value of a named column, failing loudly if the file lacks the column. */
export function column(table: TsvTable, name: string): string[] {
  if (!table.columns.includes(name)) throw new Error(`tsv: no column '${name}' (have: ${table.columns.join(', ')})`);
  return table.records.map((r) => r[name]);
}
