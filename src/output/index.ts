// Output writers for event records: jsonl, csv, gdelt, plover.
import { csvFormatter } from './csv.js';
import { gdeltFormatter } from './gdelt.js';
import { jsonlFormatter } from './jsonl.js';
import { ploverFormatter } from './plover.js';
import type { RecordFormatter } from './writer.js';

export * from './writer.js';
export { OutputSink } from './sink.js';
export { canonicalEvent, jsonlFormatter } from './jsonl.js';
export { CSV_COLUMNS, csvField, csvFormatter } from './csv.js';
export { GDELT_COLUMNS, gdeltFormatter, numericEventId } from './gdelt.js';
export { ploverFormatter, ploverRecord } from './plover.js';
export { formatAnalysis } from './analysis.js';

export type OutputFormat = 'jsonl' | 'csv' | 'gdelt' | 'plover';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['jsonl', 'csv', 'gdelt', 'plover'];

export function formatterFor(format: OutputFormat, options: { header?: boolean; dateAdded?: Date } = {}): RecordFormatter {
  switch (format) {
    case 'jsonl': return jsonlFormatter;
    case 'csv': return csvFormatter;
    case 'gdelt': return gdeltFormatter(options);
    case 'plover': return ploverFormatter();
  }
}
