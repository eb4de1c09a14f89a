// Preloaded into the bench's children (node --import): writes the process's peak resident set size
// (kilobytes, all threads together) to $CGE_BENCH_RSS_FILE at exit. The fallback when /usr/bin/time is
// missing, and a check on it when it is not. Plain JavaScript: worker threads get the same --import before
// they register tsx, so a .ts file would fail there.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.CGE_BENCH_RSS_FILE;
if (file && isMainThread) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
