import { loadConfig, marketTimezone, SERIES_NAMES, type LoadedConfig, type SeriesName } from '@euroflex/config';
import { checkForecastFiles, customModuleFileIssues, forecastHistoryDays } from '@euroflex/forecasts';
import { readMarketData, type MarketData } from '@euroflex/markets';
import type { Command } from '../cli/command';
import { configSource } from '../cli/configSource';
import { parseCommand, positionals } from '../cli/parse';
import { printIssues } from '../cli/printIssues';
import { colours } from '../cli/terminal';

const usage = `Usage: euroflex validate-data CONFIG [--json]

Check every data file named by CONFIG for the delivery window (plus the history the
forecasts need, publication lags included): duplicates, gaps (DST days included),
non-numeric values, local times that disagree with the market time zone, resolution
mismatches and an uncovered window. With the csv forecast provider, also check its
forecast files as the backtest reads them: rows, duplicates, activation ratios, and a
visible vintage for every interval at each day's first decision. Each problem names its
file, row and instant. Nothing is filled: see "euroflex normalize --fill".

Options:
  --json   Print the report as JSON`;

export async function runValidateData(argv: readonly string[]): Promise<number> {
  return (await validateDataCommandLine(argv)).code;
}

/**
 * Runs one `validate-data` command line, with CONFIG already `loaded` when given (for
 * `pipeline`); also returns the series it read, which a backtest of the same data reuses.
 */
export async function validateDataCommandLine(argv: readonly string[], loaded?: LoadedConfig): Promise<{ code: number; marketData?: MarketData }> {
  const { values, positionals: args } = parseCommand(argv, { json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return { code: 0 };
  }
  const [file] = positionals(args, ['config']);
  const source = configSource(file, loaded);
  const { config } = typeof source === 'string' ? loadConfig(source) : source;
  const files: Partial<Record<SeriesName, string>> = {};
  for (const name of SERIES_NAMES) {
    const entry = config.data[name];
    if (entry) {
      files[name] = entry.actual_path;
    }
  }
  const marketData = readMarketData({
    files,
    timezone: marketTimezone(config.market.id),
    window: { startDate: config.timing.delivery_start_date, endDate: config.timing.delivery_end_date },
    marketId: config.market.id,
    historyDays: forecastHistoryDays(config),
  });
  const forecastFiles = checkForecastFiles(config);
  // A custom module is not run here, only looked for (the backtest loads and calls it).
  const modulePath = config.forecast_provider.name === 'custom_module' ? config.forecast_provider.module_path : null;
  const forecastModule = modulePath === null ? undefined : { file: modulePath, issues: customModuleFileIssues(modulePath) };
  const report = { ...marketData.report, forecast_files: forecastFiles, ...(forecastModule ? { forecast_module: forecastModule } : {}) };
  const ok = report.ok && forecastFiles.every((check) => check.issues.length === 0) && (forecastModule?.issues.length ?? 0) === 0;
  const code = ok ? 0 : 1;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...report, ok }, null, 2)}\n`);
    return { code, marketData };
  }
  const c = colours(process.stdout);
  const status = (issues: readonly unknown[]): string => (issues.length === 0 ? c.green('ok') : c.red(`${issues.length} problem(s)`));
  const width = Math.max(28, ...forecastFiles.map((check) => `${check.series} forecast`.length));
  for (const series of report.series) {
    process.stdout.write(`${series.name.padEnd(width)} ${status(series.issues)}  ${series.rows} rows, ${series.resolution}  ${series.file}\n`);
  }
  for (const check of forecastFiles) {
    process.stdout.write(`${`${check.series} forecast`.padEnd(width)} ${status(check.issues)}  ${check.file}\n`);
  }
  if (forecastModule) {
    process.stdout.write(`${'forecast module'.padEnd(width)} ${status(forecastModule.issues)}  ${forecastModule.file} (found; run by the backtest)\n`);
  }
  const all = [
    ...report.series.flatMap((series) => series.issues),
    ...report.issues,
    ...forecastFiles.flatMap((check) => check.issues),
    ...(forecastModule?.issues ?? []),
  ];
  if (all.length > 0) {
    printIssues(all, undefined, `${all.length} data problem(s) found`);
  }
  return { code, marketData };
}

export const command: Command = { name: 'validate-data', summary: 'Check data files', usage, run: runValidateData };
