// The floor the bench compares with: the `yaml` package parsing a file, nothing else.
// `node bench/yaml-parse.cjs <file>`: loads `yaml` from node_modules, reads the file, runs parseDocument once and
// exits; the bench times the whole process. With `--times <n>`, prints JSON: `first`, the ms of the first
// parseDocument in this fresh process (cold code, as a server's first open), and `warm`, the median ms of n more.
'use strict';
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { parseDocument } = require('yaml');

const text = readFileSync(process.argv[2], 'utf8');
const timesAt = process.argv.indexOf('--times');
if (timesAt < 0) {
  parseDocument(text);
} else {
  const time = () => {
    const start = performance.now();
    parseDocument(text);
    return performance.now() - start;
  };
  const first = time();
  const warm = Array.from({ length: Number(process.argv[timesAt + 1]) }, time).sort((a, b) => a - b);
  process.stdout.write(`${JSON.stringify({ first, warm: warm[Math.floor(warm.length / 2)] })}\n`);
}
