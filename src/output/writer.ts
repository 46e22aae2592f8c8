// The writer contract: a formatter turns one event record (plus its article's metadata, for URL and
// title) into output text; `createEventWriter` streams formatted records to a sink.
import type { EventRecord } from '../types.js';
import type { OutputSink } from './sink.js';

export interface ArticleMeta {
  id: string;
  date: string;
  title?: string;
  url?: string;
  source?: string;
}

export interface RecordFormatter {
  /** Text written once before the first record (a CSV header), or null. */
  header(): string | null;
  /** One record as output text, ending with the format's line terminator. */
  format(record: EventRecord, article?: ArticleMeta): string;
}

export interface EventWriter {
  write(record: EventRecord, article?: ArticleMeta): Promise<void>;
  end(): Promise<void>;
}

export function createEventWriter(formatter: RecordFormatter, sink: OutputSink): EventWriter {
  let started = false;
  const start = async () => {
    started = true;
    const h = formatter.header();
    if (h !== null) await sink.write(h);
  };
  return {
    async write(record, article) {
      if (!started) await start();
      await sink.write(formatter.format(record, article));
    },
    async end() {
      if (!started) await start();
      await sink.flush();
    },
  };
}
