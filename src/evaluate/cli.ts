// `npm run eval`: score a run's tables against gold files. Exit 0 scored (and every measure at least --min),
// 1 some F1 or accuracy below --min, 2 bad arguments or a gold/run file that cannot be used.
import { parseArgs } from 'node:util';
import { EvalInputError, loadGold } from './gold.ts';
import { belowMin, formatText, toJson, type ReportContext } from './report.ts';
import { scoreRun } from './score.ts';
import { readRun } from './tables.ts';

export async function evalCommand(args: string[], help: string): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: {
        gold: { type: 'string', default: 'data/gold' },
        out: { type: 'string', default: 'output' },
        json: { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        min: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${help}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const min = values.min === undefined ? undefined : Number(values.min);
  if (min !== undefined && !(values.min!.trim() && min >= 0 && min <= 1)) {
    process.stderr.write(`--min must be a number from 0 to 1, not "${values.min}"\n`);
    return 2;
  }

  const ctx: ReportContext = { gold: values.gold!, out: values.out!, explain: values.explain!, min };
  let scores;
  try {
    scores = scoreRun(loadGold(ctx.gold), readRun(ctx.out));
  } catch (e) {
    if (e instanceof EvalInputError) {
      process.stderr.write(`eval: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  process.stdout.write(values.json ? JSON.stringify(toJson(scores, ctx), null, 2) + '\n' : formatText(scores, ctx));
  return min !== undefined && belowMin(scores, min).length ? 1 : 0;
}
