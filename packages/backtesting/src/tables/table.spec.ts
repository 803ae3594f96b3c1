import { bool, int, makeTable, num, str, tableRows } from './table';
import { tableToCsv } from './toCsv';

describe('tables', () => {
  it('serialise to CSV with quoting, missing numbers and booleans', () => {
    const table = makeTable('t', [
      str('name', ['a', 'b,c', 'say "hi"']),
      num('value_mw', [1.5, Number.NaN, -0]),
      int('count', [1, 2, 3]),
      bool('ok', [true, false, true]),
    ]);
    expect(tableToCsv(table)).toBe('name,value_mw,count,ok\na,1.5,1,true\n"b,c",,2,false\n"say ""hi""",0,3,true\n');
    expect(tableRows(table)[1]).toEqual({ name: 'b,c', value_mw: null, count: 2, ok: false });
  });

  it('reject ragged columns and duplicate names', () => {
    expect(() => makeTable('t', [num('a', [1]), num('b', [1, 2])])).toThrow(/column b has 2 rows/);
    expect(() => makeTable('t', [num('a', [1]), num('a', [2])])).toThrow(/duplicate column a/);
  });
});
