import { createRequire } from 'node:module';
const counts = new Map();
for (const name of ['Float64Array', 'Int32Array', 'Uint8Array', 'Int16Array', 'Uint32Array']) {
  const Base = globalThis[name];
  globalThis[name] = class extends Base { constructor(...a) { super(...a); if (this.length * this.BYTES_PER_ELEMENT <= 64 || this.byteOffset > 0 || (typeof a[0] === 'object' && a[0] instanceof ArrayBuffer)) return; const lines = new Error().stack.split('\n'); let i = 2; while (/<anonymous>|float64Slab/.test(lines[i])) i++; const st = lines.slice(2, i + 1).map(l => l.trim().replace(/^at /, '').replace(/\(.*\/(packages\/[^)]*)\)/, '$1').replace(/globalThis.<computed>./, '')).join(' < '); const key = name + (this.length > 1024 ? ' BIG ' : ' ') + st; counts.set(key, (counts.get(key) || 0) + 1); } };
}
const require = createRequire('/work/main/tools/bench/x.mjs');
const { runBacktest } = require('@euroflex/backtesting');
await runBacktest({ config: process.argv[2], outDir: '/tmp/x', dryRun: true });
let tot = 0; for (const v of counts.values()) tot += v; console.log('total', tot);
console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, +process.argv[3] || 30).map(([k, v]) => `${v} ${k}`).join('\n'));
