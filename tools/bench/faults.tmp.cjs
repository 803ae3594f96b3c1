const { execSync } = require('child_process');
const fs = require('fs');
const faults = () => Number(fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[7]);
const rss = () => Math.round(process.memoryUsage().rss / 1e6);
const mark = (label) => console.log(label.padEnd(14), 'faults', faults(), 'rss', rss(), 'MB heap', Math.round(process.memoryUsage().heapUsed / 1e6), 'ext', Math.round(process.memoryUsage().external / 1e6), 'ab', Math.round(process.memoryUsage().arrayBuffers / 1e6));
mark('start');
const { runBacktest } = require('@euroflex/backtesting');
mark('required');
runBacktest({ config: process.argv[2], outDir: '/tmp/x', dryRun: process.env.DRY === '1' }).then((r) => { mark('done'); console.log(JSON.stringify(r.summary.timings)); });
