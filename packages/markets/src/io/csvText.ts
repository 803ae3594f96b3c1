import { parse } from 'csv-parse/sync';
import { tableFromRows, type CsvTable } from '../table/csvTable';

/**
 * Parse CSV text into a table. Files without any quote character (every canonical file we
 * write) take a split-based fast path: csv-parse needs about 250 ms for a 35,136-row year
 * on our CI machines, the split about 30 ms, and without quotes both give the same cells.
 * Anything quoted goes through csv-parse. Blank lines are skipped; line numbers are kept.
 */
export function parseCsvText(text: string, delimiter = ','): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.includes('"')) {
    return splitTable(body, delimiter);
  }
  const records = parse(body, {
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (records.length === 0) {
    return tableFromRows([], []);
  }
  return tableFromRows(
    records[0].record,
    records.slice(1).map((entry) => entry.record),
    records.slice(1).map((entry) => entry.info.lines),
  );
}

function splitTable(body: string, delimiter: string): CsvTable {
  const rawLines = body.split('\n');
  const kept: string[] = [];
  const lineNumbers: number[] = [];
  for (let i = 0; i < rawLines.length; i += 1) {
    let line = rawLines[i];
    if (line.endsWith('\r')) {
      line = line.slice(0, -1);
    }
    if (line.trim() !== '') {
      kept.push(line);
      lineNumbers.push(i + 1);
    }
  }
  if (kept.length === 0) {
    return tableFromRows([], []);
  }
  return {
    header: kept[0].split(delimiter),
    rowCount: kept.length - 1,
    cells: (r) => kept[r + 1].split(delimiter),
    line: (r) => lineNumbers[r + 1],
  };
}
