import fc from 'fast-check';
import { makeTable, num, str } from '../tables/table';
import { tableToCsv } from '../tables/toCsv';
import { parseRunCsv } from './readRunCsv';
import { cellNumber } from './readRunCsvCells';

/** An error carrying these issues (a DataError). */
const withIssues = (issues: unknown[]) => expect.objectContaining({ issues });


describe('parseRunCsv', () => {
  it('reads what the artifact writer writes: quoted cells, empty numbers, shortest doubles', () => {
    const table = makeTable('t', [
      str('reason', ['plain', 'with, comma', 'with "quote"', null]),
      num('value_mw', [0.1 + 0.2, Number.NaN, -0, 1e-300]),
    ]);
    const read = parseRunCsv(tableToCsv(table), 't', '/x/t.csv');
    expect(read.rowCount).toBe(4);
    expect(read.columns).toEqual(['reason', 'value_mw']);
    expect(read.text('reason')).toEqual(['plain', 'with, comma', 'with "quote"', '']);
    const values = read.numbers('value_mw');
    expect(values[0]).toBe(0.1 + 0.2);
    expect(Number.isNaN(values[1])).toBe(true);
    expect(values[2]).toBe(0);
    expect(values[3]).toBe(1e-300);
  });

  it('accepts CRLF line ends and a missing final newline', () => {
    const read = parseRunCsv('a,b\r\n1,2\r\n3,4', 't', 't.csv');
    expect(Array.from(read.numbers('b'))).toEqual([2, 4]);
    expect(read.text('b')).toEqual(['2', '4']);
  });

  it('keeps every column aligned around a row with quoted cells, commas and UTF-8 inside', () => {
    const read = parseRunCsv('id,reason,value_mw\na,plain,1\nb,"kept, ""previous"" – plan",2\nc,,3\n', 't', 't.csv');
    expect(read.text('id')).toEqual(['a', 'b', 'c']);
    expect(read.text('reason')).toEqual(['plain', 'kept, "previous" – plan', '']);
    expect(Array.from(read.numbers('value_mw'))).toEqual([1, 2, 3]);
  });

  it('parses every double back exactly from its shortest form (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        const text = String(value);
        const parsed = cellNumber(Buffer.from(text), 0, text.length);
        expect(Object.is(parsed, Number(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const text of ['56', '-0.5999999999999999', '0.1', '.5', '5.', '1e-300', '-140.25', '0.000001']) {
      expect(cellNumber(Buffer.from(text), 0, text.length)).toBe(Number(text));
    }
    for (const text of ['x', '-', '.', ' ', '1,5']) {
      expect(cellNumber(Buffer.from(text), 0, text.length)).toBeNaN();
    }
  });

  it('names the line of a row with the wrong number of cells', () => {
    expect(() => parseRunCsv('a,b\n1,2\n3\n', 't', 't.csv')).toThrow(withIssues([
      expect.objectContaining({ code: 'csv_row_width', row: 3, file: 't.csv' }),
    ]));
  });

  it('names the line and column of a cell that is not a number, and a missing column', () => {
    const read = parseRunCsv('a,b\n1,x\n', 't', 't.csv');
    expect(() => read.numbers('b')).toThrow(withIssues([expect.objectContaining({ code: 'not_a_number', row: 2, path: 'b' })]));
    expect(() => read.numbers('c')).toThrow(withIssues([expect.objectContaining({ message: expect.stringMatching(/no column c/) })]));
  });
});
