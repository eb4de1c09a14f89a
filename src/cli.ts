// Command line: `extract` (articles → tables) and `eval` (tables against gold). Exit codes: 0 all good,
// 1 some articles failed (or, for eval, a score fell below --min), 2 the run could not start, 130/143
// interrupted by Ctrl-C / SIGTERM (the output folder left as it was).
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { DictionaryErrors, formatProblem } from './dictionaries/folder.ts';
import { releaseFifos } from './read/inputs.ts';
import { runExtract, type Progress } from './run.ts';
import { discardOpenWriters, OutputError } from './tables/writer.ts';

const EXTRACT_HELP = `cn-gov-events extract — turn Chinese (and English) government news into CSV tables

usage: npm run extract -- [<file-or-folder>...] [options]

inputs (default: data/)
  .txt .html .htm          one article per file; folders are walked recursively
  .csv .jsonl              one article per row: columns id, title, published_at, source, url, text
                           (only text is required); .gz versions of all of these are read too
  article_id = the file's path below the input folder without extension (d07, 2022/xian), or the row's id

options
  --out DIR                where the tables go (default: output/); replaced whole at the end of the run
  --dictionaries DIR       dictionary folder (default: the project's dictionaries/)
  --jobs N                 worker threads (default: the number of cores, ${availableParallelism()} here); 1 = no workers
  --max-bytes N            larger articles fail with E_TOO_LARGE (default: 20000000)
  --time-budget MS         an article taking longer fails with E_TIMEOUT (default: 30000)
  --quiet                  no progress line
  -h, --help               this text

output (UTF-8 with BOM, one header row; multi-valued cells joined with "; ")
  articles.csv officials.csv places.csv meetings.csv participants.csv events.csv mentions.csv
  texts/<article_id>.txt   the text every row's start/end offsets point into
  run.json                 what was read, what came out, what failed and why, timings

exit code: 0 every article processed, 1 some failed (see articles.csv / run.json), 2 could not start or
           the output cannot be written,
           130/143 interrupted by Ctrl-C/SIGTERM (the output folder is left as it was)
`;

const EVAL_HELP = `cn-gov-events eval — score a run's tables against gold annotations

usage: npm run eval -- [--gold DIR] [--out DIR] [--json] [--explain] [--min F1]

  --gold DIR     gold JSON files, one per article (default: data/gold); format: data/gold/README.md
  --out DIR      the run's tables (default: output/)
  --json         print the scores as JSON
  --explain      list every miss and every extra, with its article and text
  --min F1       exit 1 when any category's F1 (or metadata accuracy) is below this
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'eval') return (await import('./evaluate/cli.ts')).evalCommand(rest, EVAL_HELP);
  if (command !== 'extract') {
    process.stdout.write(EXTRACT_HELP + '\n' + EVAL_HELP);
    return command === undefined || command === '-h' || command === '--help' ? 0 : 2;
  }
  let args;
  try {
    args = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'output' },
        dictionaries: { type: 'string' },
        jobs: { type: 'string', default: String(availableParallelism()) },
        'max-bytes': { type: 'string', default: '20000000' },
        'time-budget': { type: 'string', default: '30000' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${EXTRACT_HELP}`);
    return 2;
  }
  const v = args.values;
  if (v.help) {
    process.stdout.write(EXTRACT_HELP);
    return 0;
  }
  const jobs = positiveInt(v.jobs, '--jobs');
  const maxBytes = positiveInt(v['max-bytes'], '--max-bytes');
  const timeBudgetMs = positiveInt(v['time-budget'], '--time-budget');
  if (jobs === undefined || maxBytes === undefined || timeBudgetMs === undefined) return 2;
  if (existsSync(v.out!) && !statSync(v.out!).isDirectory()) {
    process.stderr.write(`--out ${v.out} is a file; the tables need a folder\n`);
    return 2;
  }

  const tty = process.stderr.isTTY && !v.quiet;
  let last = 0;
  const onProgress = tty
    ? (p: Progress) => {
        const now = performance.now();
        if (now - last < 200) return;
        last = now;
        const mbs = p.bytes / 1e6 / Math.max(p.seconds, 1e-3);
        const eta = p.totalBytes > p.bytes && mbs > 0 ? ` ETA ${Math.round((p.totalBytes - p.bytes) / 1e6 / mbs)}s` : '';
        process.stderr.write(`\r${p.done} articles, ${p.failed} failed, ${mbs.toFixed(1)} MB/s${eta}   `);
      }
    : undefined;
  // Ctrl-C or a kill: remove the half-written temporary files; the previous output stays as it was.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      discardOpenWriters();
      releaseFifos(); // else the exit waits for a thread blocked on a pipe no one writes to
      process.stderr.write(`\ninterrupted (${signal}): ${v.out}/ was left as it was\n`);
      process.exit(code);
    });
  }
  try {
    const report = await runExtract({
      inputs: args.positionals.length ? args.positionals : ['data'],
      out: v.out!,
      dictionaries: v.dictionaries,
      jobs,
      maxBytes,
      timeBudgetMs,
      quiet: v.quiet,
      onProgress,
    });
    if (tty) process.stderr.write('\n');
    if (!v.quiet) {
      const codes = Object.entries(report.failedByCode).map(([c, n]) => `${c} ${n}`).join(', ');
      process.stderr.write(
        `${report.found} inputs: ${report.succeeded} articles processed, ${report.failed} failed${codes ? ` (${codes})` : ''}, ${report.skipped} skipped` +
          ` — ${report.seconds}s, ${report.megabytesPerSecond} MB/s → ${report.out}/\n`,
      );
    }
    return report.failed ? 1 : 0;
  } catch (e) {
    if (e instanceof DictionaryErrors) {
      process.stderr.write(`dictionary problems (nothing was read):\n${e.problems.map(formatProblem).join('\n')}\n`);
      return 2;
    }
    // A run that cannot go on (a full disk, an unwritable --out): one line, not a stack trace.
    if (e instanceof OutputError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function positiveInt(s: string | undefined, name: string): number | undefined {
  const n = Number(s);
  if (Number.isInteger(n) && n > 0) return n;
  process.stderr.write(`${name} must be a positive whole number, not "${s}"\n`);
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
