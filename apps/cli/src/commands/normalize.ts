import { fileErrorHint, SERIES_NAMES, UserError, type SeriesName } from '@euroflex/config';
import { normalizeCsv, type FillMethod, type NormalizeOptions } from '@euroflex/markets';
import type { Command } from '../cli/command';
import { UsageError } from '../cli/errors';
import { parseCommand, positionals } from '../cli/parse';
import { printIssues } from '../cli/printIssues';
import { colours } from '../cli/terminal';

const usage = `Usage: euroflex normalize --input FILE --output FILE --series NAME
                          --timestamp-column COL --value-column COL [options]

Convert a foreign CSV into the canonical series format (docs/data.md): UTC-keyed
quarter-hours with local labels, hourly or 4-hour rows expanded (or kept), units converted.
Gaps are reported and never filled unless --fill asks for it; every fill is recorded in
the provenance column of the filled row. The output is written only when no problem and
no gap remains; otherwise nothing is written and the exit code is 1.

Options:
  --input FILE             Foreign CSV to read
  --output FILE            Canonical CSV to write
  --series NAME            Series name (${SERIES_NAMES.join(', ')})
  --timestamp-column COL   Column holding the interval start
  --value-column COL       Column holding the value
  --timezone TZ            Zone of timestamps without an offset: UTC (default) or an IANA zone
  --timestamp-format FMT   luxon format of non-ISO timestamps, e.g. "ddLLLyyyy HH:mm:ss"
  --unit-factor X          Multiply values, e.g. 1000 for EUR/kWh -> EUR/MWh (default 1)
  --delimiter C            Field delimiter (default ",")
  --decimal-comma          Numbers use a decimal comma (1.234,56)
  --resolution R           Input resolution: PT15M (default), PT60M or PT4H
  --keep-resolution        Write each whole hourly or 4-hour input row as one row at its own
                           resolution (readers expand it), not as quarter-hours
  --per-block-hour         Values are per whole input block (EUR/MW per 4-hour product): divide
                           each by its block's real hours (3 and 5 on DST days)
  --collapse-to R          Write each whole local block of R (PT60M, PT4H) whose quarter-hours
                           carry one value as one R row (readers expand it): for a source that
                           repeats an hourly price on its quarter-hours
  --zone EIC               Bidding zone EIC, e.g. 10YBE----------2 (also sets the market time zone)
  --source LABEL           Value of the source column
  --start DATE, --end DATE Keep only these local days and check that they are complete
  --fill METHODS           Opt-in gap filling: same-hour, previous, or a list tried in order
                           (same-hour,previous)
  --json                   Print the result (issues, gaps, fills) as JSON`;

function fillOption(text: string | undefined): readonly FillMethod[] | 'none' {
  if (text === undefined) {
    return 'none';
  }
  const methods = text.split(',').map((m) => m.trim());
  for (const method of methods) {
    if (method !== 'same-hour' && method !== 'previous') {
      throw new UsageError(`--fill takes same-hour, previous or a comma list of them, got "${method}"`);
    }
  }
  return methods as FillMethod[];
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') {
    throw new UsageError(`${flag} is required`);
  }
  return value;
}

/**
 * Run `write`, turning an OS error while making the folder of `--output` or writing the file
 * (ENOENT under /proc, EACCES, ENOTDIR, ...) into a user error that names the flag and the fix.
 * Reading `--input` never throws: normalizeCsv reports it as an issue.
 */
function writingOutput<T>(output: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    // Only a user's file error (the OS codes of fileErrorHint); anything else is a bug.
    if (fileErrorHint(error) === undefined) {
      throw error;
    }
    const message = `${(error as Error).message}; pass --output a file in a folder that exists or can be created, and that you can write to`;
    throw new UserError(`cannot write ${output} (--output)`, [{ path: '--output', code: 'unwritable_output', message }]);
  }
}

export async function runNormalize(argv: readonly string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(argv, {
    input: { type: 'string' },
    output: { type: 'string' },
    series: { type: 'string' },
    'timestamp-column': { type: 'string' },
    'value-column': { type: 'string' },
    timezone: { type: 'string' },
    'timestamp-format': { type: 'string' },
    'unit-factor': { type: 'string' },
    delimiter: { type: 'string' },
    'decimal-comma': { type: 'boolean' },
    resolution: { type: 'string' },
    'keep-resolution': { type: 'boolean' },
    'per-block-hour': { type: 'boolean' },
    'collapse-to': { type: 'string' },
    zone: { type: 'string' },
    source: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    fill: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  positionals(args, []);
  const series = required(values.series, '--series');
  if (!(SERIES_NAMES as readonly string[]).includes(series)) {
    throw new UsageError(`--series must be one of ${SERIES_NAMES.join(', ')}, got "${series}"`);
  }
  const unitFactor = values['unit-factor'] === undefined ? 1 : Number(values['unit-factor']);
  if (!Number.isFinite(unitFactor) || unitFactor === 0) {
    throw new UsageError(`--unit-factor must be a non-zero number, got "${values['unit-factor']}"`);
  }
  if ((values.start === undefined) !== (values.end === undefined)) {
    throw new UsageError('--start and --end go together');
  }
  const output = required(values.output, '--output');
  const options: NormalizeOptions = {
    input: required(values.input, '--input'),
    output,
    series: series as SeriesName,
    timestampColumn: required(values['timestamp-column'], '--timestamp-column'),
    valueColumn: required(values['value-column'], '--value-column'),
    timezone: values.timezone ?? 'UTC',
    unitFactor,
    onlyWhenClean: true,
    decimalComma: values['decimal-comma'] ?? false,
    fill: fillOption(values.fill),
    keepResolution: values['keep-resolution'] ?? false,
    perBlockHour: values['per-block-hour'] ?? false,
    ...(values['timestamp-format'] === undefined ? {} : { timestampFormat: values['timestamp-format'] }),
    ...(values.delimiter === undefined ? {} : { delimiter: values.delimiter }),
    ...(values.resolution === undefined ? {} : { resolution: values.resolution }),
    ...(values['collapse-to'] === undefined ? {} : { collapseTo: values['collapse-to'] }),
    ...(values.zone === undefined ? {} : { zone: values.zone }),
    ...(values.source === undefined ? {} : { source: values.source }),
    ...(values.start === undefined || values.end === undefined ? {} : { window: { startDate: values.start, endDate: values.end } }),
  };
  const result = writingOutput(output, () => normalizeCsv(options));
  const ok = result.written && result.issues.length === 0 && result.gaps.length === 0;
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ ok, written: result.written, output: options.output, rows: result.rows, quarter_hours: result.series?.instantsMs.length ?? 0, rows_written: result.written ? (result.outputRows?.first.length ?? result.series?.instantsMs.length ?? 0) : 0, gaps: result.gaps, filled: result.filled, issues: result.issues }, null, 2)}\n`,
    );
    return ok ? 0 : 1;
  }
  const c = colours(process.stdout);
  if (!result.written) {
    process.stdout.write(`${c.red('not written')}: ${options.output}: nothing is written while the problems below remain (an existing file there is left as it was)\n`);
  } else {
    process.stdout.write(
      `${c.green('ok')}: ${options.output}: ${result.series?.instantsMs.length ?? 0} quarter-hours from ${result.rows} rows` +
        `${result.outputRows === undefined ? '' : ` (written as ${result.outputRows.first.length} rows)`}` +
        `${result.filled.length > 0 ? `, ${result.filled.length} filled (${[...new Set(result.filled.map((f) => f.method))].join(', ')})` : ''}\n`,
    );
  }
  if (!ok) {
    printIssues(result.issues, options.input, result.gaps.length > 0 ? `${result.gaps.length} quarter-hour(s) missing; pass --fill to repair them explicitly` : `${result.issues.length} problem(s) in ${options.input}`);
  }
  return ok ? 0 : 1;
}

export const command: Command = { name: 'normalize', summary: 'Normalise a foreign CSV', usage, run: runNormalize };
