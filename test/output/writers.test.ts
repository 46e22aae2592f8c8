import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import {
  CSV_COLUMNS, GDELT_COLUMNS, OutputSink, createEventWriter, csvField, formatterFor, numericEventId, ploverRecord,
} from '../../src/output/index.js';
import { sampleRecord } from './sample.js';

const META = { id: 'a', date: '2023-03-14', url: 'https://news.example/ferry', title: 'Ferry talks' };

test('jsonl: the event record with ARCHITECTURE.md field names, in order, nothing extra', () => {
  const rec = { ...sampleRecord(), extra: 'not part of the contract' } as ReturnType<typeof sampleRecord>;
  const line = formatterFor('jsonl').format(rec, META);
  assert.ok(line.endsWith('\n'));
  assert.equal(line.indexOf('\n'), line.length - 1);
  const o = JSON.parse(line);
  assert.deepEqual(Object.keys(o), ['id', 'article_id', 'sentence', 'text', 'date', 'date_precision', 'event', 'source', 'target', 'location', 'evidence']);
  assert.deepEqual(Object.keys(o.event), ['plover', 'mode', 'context', 'cameo', 'quad', 'goldstein', 'negated', 'aux']);
  assert.deepEqual(Object.keys(o.source), ['text', 'start', 'end', 'code', 'country', 'sectors', 'name']);
  assert.deepEqual(Object.keys(o.location), ['text', 'name', 'country', 'lat', 'lon', 'geonameid']);
  assert.deepEqual(Object.keys(o.evidence), ['trigger', 'start', 'end', 'rule']);
  assert.deepEqual(o, JSON.parse(JSON.stringify(sampleRecord())));
  const bare = JSON.parse(formatterFor('jsonl').format(sampleRecord({ target: null, location: null })));
  assert.equal(bare.target, null);
  assert.equal(bare.location, null);
});

/** A small RFC 4180 parser to check our quoting round-trips. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    field += c; i++;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test('csv: header, RFC 4180 quoting, CRLF rows', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(null), '');
  const f = formatterFor('csv');
  const nasty = 'Line one, with comma\nline "two"\r\nend';
  const out = f.header()! + f.format(sampleRecord({ text: nasty })) + f.format(sampleRecord({ target: null, location: null }));
  const rows = parseCsv(out);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  for (const r of rows) assert.equal(r.length, CSV_COLUMNS.length);
  const get = (r: string[], col: string) => r[CSV_COLUMNS.indexOf(col)];
  assert.equal(get(rows[1]!, 'text'), nasty);
  assert.equal(get(rows[1]!, 'source_code'), 'FINGOV');
  assert.equal(get(rows[1]!, 'source_sectors'), 'GOV');
  assert.equal(get(rows[1]!, 'location_lat'), '59.437');
  assert.equal(get(rows[1]!, 'negated'), 'false');
  assert.equal(get(rows[2]!, 'target_code'), '');
  assert.equal(get(rows[2]!, 'location_name'), '');
});

test('gdelt: 61 columns in the official order, no header by default', () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.equal(GDELT_COLUMNS[0], 'GLOBALEVENTID');
  assert.equal(GDELT_COLUMNS[5], 'Actor1Code');
  assert.equal(GDELT_COLUMNS[15], 'Actor2Code');
  assert.equal(GDELT_COLUMNS[25], 'IsRootEvent');
  assert.equal(GDELT_COLUMNS[26], 'EventCode');
  assert.equal(GDELT_COLUMNS[30], 'GoldsteinScale');
  assert.equal(GDELT_COLUMNS[34], 'AvgTone');
  assert.equal(GDELT_COLUMNS[35], 'Actor1Geo_Type');
  assert.equal(GDELT_COLUMNS[51], 'ActionGeo_Type');
  assert.equal(GDELT_COLUMNS[58], 'ActionGeo_FeatureID');
  assert.deepEqual(GDELT_COLUMNS.slice(59), ['DATEADDED', 'SOURCEURL']);
  assert.equal(new Set(GDELT_COLUMNS).size, 61);

  const f = formatterFor('gdelt', { dateAdded: new Date('2023-03-14T08:09:10Z') });
  assert.equal(f.header(), null);
  const line = f.format(sampleRecord({ text: 'tab\there\nnewline' }), META);
  assert.ok(line.endsWith('\n'));
  const cols = line.slice(0, -1).split('\t');
  assert.equal(cols.length, 61);
  const get = (c: string) => cols[GDELT_COLUMNS.indexOf(c)];
  assert.match(get('GLOBALEVENTID')!, /^[0-9]+$/);
  assert.equal(get('GLOBALEVENTID'), numericEventId('ev-3f2a9c'));
  assert.equal(get('SQLDATE'), '20230313');
  assert.equal(get('MonthYear'), '202303');
  assert.equal(get('Year'), '2023');
  assert.equal(get('FractionDate'), '2023.2822');
  assert.equal(get('Actor1Code'), 'FINGOV');
  assert.equal(get('Actor1Name'), 'THE FINNISH FOREIGN MINISTER');
  assert.equal(get('Actor1CountryCode'), 'FIN');
  assert.equal(get('Actor1Type1Code'), 'GOV');
  assert.equal(get('Actor2Code'), 'ESTGOV');
  assert.equal(get('IsRootEvent'), '1');
  assert.equal(get('EventCode'), '042');
  assert.equal(get('EventBaseCode'), '042');
  assert.equal(get('EventRootCode'), '04');
  assert.equal(get('QuadClass'), '1');
  assert.equal(get('GoldsteinScale'), '1.9');
  assert.equal(get('ActionGeo_FullName'), 'Tallinn');
  assert.equal(get('ActionGeo_Lat'), '59.437');
  assert.equal(get('ActionGeo_FeatureID'), '588409');
  assert.equal(get('DATEADDED'), '20230314080910');
  assert.equal(get('SOURCEURL'), 'https://news.example/ferry');
  // Without article metadata the article id stands in for the URL; a missing target leaves blanks.
  const bare = f.format(sampleRecord({ target: null, location: null, sentence: 3 })).slice(0, -1).split('\t');
  assert.equal(bare.length, 61);
  assert.equal(bare[GDELT_COLUMNS.indexOf('Actor2Code')], '');
  assert.equal(bare[GDELT_COLUMNS.indexOf('IsRootEvent')], '0');
  assert.equal(bare[60], 'examples/finland-estonia-ferry-talks-2023-03-14.txt');
  const un = f.format(sampleRecord({ source: { text: 'the UN', start: 0, end: 6, code: 'IGOUNO', country: null, sectors: ['IGO', 'UNO'], name: null } })).split('\t');
  assert.equal(un[GDELT_COLUMNS.indexOf('Actor1KnownGroupCode')], 'UNO');
  assert.equal(un[GDELT_COLUMNS.indexOf('Actor1Type1Code')], 'IGO');
  assert.equal(un[GDELT_COLUMNS.indexOf('Actor1Type2Code')], '');
  const labour = f.format(sampleRecord({ source: { text: 'workers', start: 0, end: 7, code: 'LAB', country: null, sectors: ['LAB'], name: null } })).split('\t');
  assert.equal(labour[GDELT_COLUMNS.indexOf('Actor1KnownGroupCode')], '');
  assert.equal(labour[GDELT_COLUMNS.indexOf('Actor1Type1Code')], 'LAB');
  assert.equal(formatterFor('gdelt', { header: true }).header(), GDELT_COLUMNS.join('\t') + '\n');
});

test('gdelt: PLOVER sector codes become CAMEO types (JRN media is MED, MED health is HLH)', () => {
  const f = formatterFor('gdelt', { dateAdded: new Date('2023-03-14T08:09:10Z') });
  const rec = sampleRecord({
    source: { text: 'Finnish reporters', start: 0, end: 17, code: 'FINJRN', country: 'FIN', sectors: ['JRN'], name: null },
    target: { text: 'nurses', start: 20, end: 26, code: 'MED', country: null, sectors: ['MED'], name: null },
  });
  const cols = f.format(rec, META).slice(0, -1).split('\t');
  const get = (c: string) => cols[GDELT_COLUMNS.indexOf(c)];
  assert.equal(get('Actor1Code'), 'FINMED');
  assert.equal(get('Actor1Type1Code'), 'MED');
  assert.equal(get('Actor2Code'), 'HLH');
  assert.equal(get('Actor2Type1Code'), 'HLH');
});

test('plover: PLOVER manual JSON field names', () => {
  const line = formatterFor('plover').format(sampleRecord(), META);
  const o = JSON.parse(line);
  assert.deepEqual(o, ploverRecord(sampleRecord(), META, 'dyad'));
  assert.equal(o.id, 'ev-3f2a9c');
  assert.equal(o.date, '2023-03-13');
  assert.deepEqual(o.event, ['CONSULT']);
  assert.deepEqual(o.mode, ['visit']);
  assert.deepEqual(o.context, ['diplomatic']);
  assert.equal(o.quad_code, 1);
  assert.equal(o.event_scale, 1.9);
  assert.deepEqual(o.actor, [{ entity_text: 'The Finnish foreign minister', code: 'FIN', sector: 'GOV', other_sector_codes: [], actor_code: 'FINGOV', identifier_text: null, start: 0, end: 28 }]);
  assert.equal(o.recipient[0].code, 'EST');
  assert.deepEqual(o.event_loc, { extracted_place: 'Tallinn', resolved_place: 'Tallinn', geonameid: 588409, lat: 59.437, lon: 24.7535, country_code: 'EST' });
  assert.deepEqual(o.event_text, ['met']);
  assert.equal(o.text_info.sequence, 0);
  assert.equal(o.cite_info.url, 'https://news.example/ferry');
  const bare = JSON.parse(formatterFor('plover').format(sampleRecord({ target: null, location: null, event: { ...sampleRecord().event, mode: null, context: null } })));
  assert.deepEqual(bare.recipient, []);
  assert.equal(bare.event_loc, null);
  assert.deepEqual(bare.mode, []);
});

test('sink: backpressure keeps order and delivers everything to a slow stream', async () => {
  const got: string[] = [];
  const slow = new Writable({
    highWaterMark: 16,
    write(chunk, _enc, cb) { got.push(String(chunk)); setImmediate(cb); },
  });
  const sink = new OutputSink(slow, 100);
  const w = createEventWriter(formatterFor('csv'), sink);
  for (let i = 0; i < 300; i++) await w.write(sampleRecord({ id: `e${i}` }));
  await w.end();
  await new Promise<void>((r) => slow.end(r));
  const lines = got.join('').split('\r\n').filter(Boolean);
  assert.equal(lines.length, 301);
  assert.ok(lines[1]!.startsWith('e0,'));
  assert.ok(lines[300]!.startsWith('e299,'));
});

test('sink: a closed stream (EPIPE) stops writing quietly', async () => {
  const broken = new Writable({ write(_c, _e, cb) { const err = new Error('write EPIPE') as NodeJS.ErrnoException; err.code = 'EPIPE'; cb(err); } });
  const sink = new OutputSink(broken, 1);
  await sink.write('a\n');
  await new Promise((r) => setImmediate(r));
  assert.equal(sink.isClosed, true);
  assert.equal(sink.error, null);
  await sink.write('b\n'); // no throw
});
