/** `peak-end grim`: GRIM / GRIMMER checks from the command line. */
import { parseArgs } from 'node:util';
import { grim } from '../forensics/grim.js';
import { grimmer } from '../forensics/grimmer.js';
import type { CommandContext } from './context.js';
import { UsageError } from './usage-error.js';

export const grimHelp = `Usage: peak-end grim <mean> <n> [--sd SD] [--items K] [--scale MIN-MAX] [--rounding RULE] [--json]

Can n integer answers have this mean (GRIM), and this SD too (GRIMMER, with --sd)?
Give the mean as printed: trailing zeros count ("4.10" has two decimals).

Options:
  --sd SD          the published standard deviation (runs GRIMMER)
  --items K        items averaged per respondent (default 1)
  --scale MIN-MAX  answer scale, tightens GRIMMER (e.g. 1-5)
  --rounding RULE  up_or_down (default), half_up, half_down, half_even, down, up
  --json           print the result as JSON

Examples:
  peak-end grim 4.82 47        # impossible: 226/47 = 4.809, 227/47 = 4.830
  peak-end grim 3.00 5 --sd 1.58 --scale 1-5`;

export async function grimCommand(args: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { sd: { type: 'string' }, items: { type: 'string' }, scale: { type: 'string' }, rounding: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [mean, nText] = positionals;
  if (mean === undefined || nText === undefined || positionals.length > 2) throw new UsageError('grim needs a mean and a sample size, e.g. peak-end grim 4.82 47.');
  const n = Number(nText);
  const rounding = values.rounding as 'up_or_down' | undefined;
  const scaleMatch = values.scale === undefined ? null : /^(-?\d+)-(-?\d+)$/.exec(values.scale);
  if (values.scale !== undefined && scaleMatch === null) throw new UsageError(`--scale expects MIN-MAX such as 1-5, got "${values.scale}".`);
  const scale = scaleMatch === null ? undefined : { min: Number(scaleMatch[1]), max: Number(scaleMatch[2]) };
  if (values.sd !== undefined) {
    const r = grimmer(mean, values.sd, n, { ...(rounding && { rounding }), ...(scale && { scale }) });
    ctx.out(
      values.json
        ? JSON.stringify(r, null, 2)
        : `GRIMMER: mean ${r.mean} with SD ${r.sd} from n = ${n} is ${r.consistent ? 'possible' : `impossible (${r.reason === 'grim' ? 'the mean fails GRIM' : 'no integer data give that SD'})`}.`,
    );
    return;
  }
  const r = grim(mean, n, { ...(values.items && { items: Number(values.items) }), ...(rounding && { rounding }) });
  ctx.out(
    values.json
      ? JSON.stringify(r, null, 2)
      : `GRIM: mean ${r.mean} from n = ${n}${r.items > 1 ? ` x ${r.items} items` : ''} is ${r.consistent ? `possible (total ${r.possibleSums.join(' or ')})` : `impossible; the nearest possible means are ${r.nearestPossibleMeans.join(' and ')}`}.` +
          r.warnings.map((w) => `\n${w.message}`).join(''),
  );
}
