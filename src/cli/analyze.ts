/** `peak-end analyze <file>`: the full analysis of a survey file. */
import { statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { analyzeWithHelper } from '../parallel/analyze-parallel.js';
import { HelperThread } from '../parallel/pool.js';
import { formatDriversCsv } from '../report/csv.js';
import { LOCALES, type Locale } from '../report/i18n.js';
import { formatReportMarkdown } from '../report/markdown.js';
import { renderReportHtml } from '../report/render-html.js';
import { formatReportText } from '../report/text.js';
import { type RakeMargins, rake } from '../survey/rake.js';
import type { CommandContext } from './context.js';
import { PreparedColumns } from './prepared-columns.js';
import { controlList, loadSurvey, requestedSegments, surveyOptionDefinitions, surveyOptionsHelp } from './survey-options.js';
import { PartialResultError, UsageError } from './usage-error.js';

export const analyzeHelp = `Usage: peak-end analyze <file.csv> [options]

Descriptives, the peak-end rule tested against averaging and other models, and key drivers
(regression, LMG importance, key moments, pain points, hygiene factors, IPA quadrants,
penalty-reward) of a survey.

${surveyOptionsHelp}
Analysis:
  --model ols|ordinal|logistic   model that decides key moments (default: ols for a rating,
                                 logistic for a binary outcome; logistic on a rating = top-2-box)
  --bootstrap N          bootstrap the importance with N resamples (default: off)
  --seed N               seed for the bootstrap and the cross-validation (default 1)
  --control COL[,COL]   hold these columns constant in the key-driver models (adjustment
                         covariates, relaimpo's "always"): a numeric column as it is, a text column
                         dummy-coded; importance is shared among the touchpoints only. Rating
                         outcomes. Default: the spec's covariates (repeatable, or A,B)
  --rake FILE|JSON       rake the weights to population shares before analysing, e.g.
                         '{"gender": {"female": 0.5, "male": 0.5}}' (any text column; compared
                         only if it is also a --segment)
Every segment column (--segment COL or spec segments) is compared with the rest: means (Welch),
top-2-box shares, driver differences (interactions, Benjamini-Hochberg adjusted), peak-end per group.
Output (default: text on stdout; one of):
  --json                 the Report as one JSON document (schema: peak-end schema)
  --md                   Markdown with GitHub tables
  --html FILE            a self-contained HTML report with charts (works offline)
  --csv FILE             the key-driver table as CSV (UTF-8 with BOM, for Excel)
  --locale en|zh-CN      language of text, Markdown, HTML and CSV labels (default en)

Examples:
  peak-end analyze fixtures/zhijiang/zhijiang.csv --spec fixtures/zhijiang/spec.json
  peak-end analyze export.csv --overall Overall --touchpoints Brand,Price,Delivery,Meeting --scale 1-5
  peak-end analyze export.csv --bootstrap 1000 --seed 42 --json > report.json
  peak-end analyze fixtures/segments/survey.csv --overall overall --weight w --segment region,gender --rake '{"gender": {"female": 0.5, "male": 0.5}}'
  peak-end analyze fixtures/segments/survey.csv --overall overall --segment region --control age,gender
  peak-end analyze fixtures/zhijiang/zhijiang.csv --spec fixtures/zhijiang/spec.json --locale zh-CN --html report.html`;

export async function analyzeCommand(args: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      ...surveyOptionDefinitions,
      json: { type: 'boolean' },
      md: { type: 'boolean' },
      html: { type: 'string' },
      csv: { type: 'string' },
      locale: { type: 'string' },
      bootstrap: { type: 'string' },
      seed: { type: 'string' },
      model: { type: 'string' },
      rake: { type: 'string' },
      control: { type: 'string', multiple: true },
    },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('analyze needs exactly one CSV file, e.g. peak-end analyze survey.csv --spec survey.json.');
  const outputs = [values.json, values.md, values.html, values.csv].filter((v) => v !== undefined && v !== false);
  if (outputs.length > 1) throw new UsageError('Choose one output: --json, --md, --html FILE or --csv FILE.');
  const locale = (values.locale ?? 'en') as Locale;
  if (!LOCALES.includes(locale)) throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}, got "${values.locale}".`);
  const model = values.model;
  if (model !== undefined && !['ols', 'ordinal', 'logistic'].includes(model)) throw new UsageError(`--model must be ols, ordinal or logistic, got "${values.model}".`);
  const replicates = values.bootstrap === undefined ? undefined : positiveInteger(values.bootstrap, '--bootstrap');
  const seed = values.seed === undefined ? 1 : positiveInteger(values.seed, '--seed');
  const margins = values.rake === undefined ? undefined : await readMargins(values.rake);
  // The margin columns are read as segments so that they can be raked on; only the segments the
  // user named (--segment or the spec) are compared.
  // A large file on a machine with two or more cores: a helper thread starts now, so that its start
  // overlaps the reading; it touches the pages of the survey's columns (prepared-columns.ts) while
  // the file is parsed, then runs its part of the analysis (analyzeParallel).
  const bytes = fileBytes(file);
  const helper = availableParallelism() > 1 && bytes >= HELPER_MIN_BYTES ? new HelperThread() : null;
  const prepare = (): ((length: number) => Float64Array) | undefined => {
    const columns = helper === null ? null : PreparedColumns.forFile(file, bytes, helper);
    if (columns === null) return undefined;
    // The helper also makes the peak-end walk's arrays while it waits for the survey.
    helper?.prepareWalk(columns.rows);
    return (length) => columns.take(length);
  };
  try {
    const loaded = await loadSurvey(file, { ...values, ...(margins !== undefined && { rakeSegments: Object.keys(margins) }) }, ctx.info, ctx.progress, prepare);
    const survey = margins === undefined ? loaded : rake(loaded, margins);
    const c = survey.calibration;
    if (margins !== undefined && c !== undefined) {
      const said = `Raked the weights to ${c.margins.map((m) => m.column).join(', ')}: ${c.iterations} iteration${c.iterations === 1 ? '' : 's'}, ${c.converged ? 'converged' : `not converged (largest margin deviation ${c.maxDeviation.toExponential(1)})`}.`;
      if (c.converged) ctx.info(said);
      else ctx.warn(said);
    }
    // Adjustment covariates: --control, else the spec's covariates.
    const controls = values.control !== undefined ? controlList(values.control) : [...survey.spec.covariates];
    if (controls.length > 0) {
      if (survey.spec.outcome.type === 'binary') {
        throw new UsageError(
          `${values.control !== undefined ? '--control' : "The spec's covariates"} ${controls.join(', ')}: adjustment covariates are held constant in the LMG importance of a rating outcome, and "${survey.overall}" is binary (logistic key drivers). ${values.control !== undefined ? 'Remove --control' : 'Remove covariates from the spec'}, or compare groups with --segment instead.`,
        );
      }
      ctx.info(`Key drivers adjusted for ${controls.join(', ')} (kept in every model; importance shared among the touchpoints only).`);
    }
    const report = await analyzeWithHelper(
      survey,
      {
        ...(margins !== undefined && { segments: requestedSegments(values) }),
        peakEnd: { seed },
        keyDrivers: {
          // Unset, the library chooses: OLS for a rating, logistic for a binary outcome.
          ...(model !== undefined && { model: model as 'ols' | 'ordinal' | 'logistic' }),
          ...(controls.length > 0 && { controls }),
          ...(replicates !== undefined && {
            bootstrap: { replicates, seed, onProgress: ({ completed, total }) => ctx.progress('Bootstrap', completed, total) },
          }),
        },
      },
      helper,
    );
    // A part that could not run is said first, in the output and on stderr, and the exit code is 4.
    const skipped = report.warnings.filter((w) => w.code.endsWith('_skipped'));
    const notRun = skipped.map((w) => w.message);
    if (values.json) ctx.out(JSON.stringify(report, null, 2));
    else if (values.md) ctx.out(`${notRun.map((m) => `> **Not run:** ${m}\n`).join('')}${notRun.length > 0 ? '\n' : ''}${formatReportMarkdown(report, { locale })}`);
    else if (values.html !== undefined) {
      await writeFile(values.html, await renderReportHtml(report, { locale }));
      ctx.info(`Wrote the HTML report to ${values.html}.`);
    } else if (values.csv !== undefined) {
      await writeFile(values.csv, formatDriversCsv(report, { locale }));
      ctx.info(`Wrote the key-driver table to ${values.csv}.`);
    } else ctx.out(`${notRun.length > 0 ? `NOT RUN\n${notRun.map((m) => `  ${m}`).join('\n')}\n\n` : ''}${formatReportText(report, { locale })}`);
    if (skipped.length > 0) {
      throw new PartialResultError(
        `Part of the analysis could not run (${skipped.map((w) => w.code.replace(/_skipped$/, '').replace(/_/g, '-')).join(', ')}); the report says why at the top. ` +
          'Exit code 4: the rest of the report is valid.',
      );
    }
  } finally {
    void helper?.close();
  }
}

/** Files from this size on get a helper thread (50,000 rows of a few ratings; smaller surveys are analysed in one thread). */
const HELPER_MIN_BYTES = 1 << 20;

function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // loadSurvey says why the file cannot be read
  }
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`${flag} expects a whole number, got "${text}".`);
  return value;
}

/** --rake: inline JSON (starts with {) or a JSON file of population shares per segment column. */
async function readMargins(value: string): Promise<RakeMargins> {
  const inline = value.trimStart().startsWith('{');
  let text = value;
  if (!inline) {
    try {
      text = await readFile(value, 'utf8');
    } catch (cause) {
      throw new UsageError(`--rake expects JSON such as '{"gender": {"female": 0.5, "male": 0.5}}' or a JSON file; cannot read "${value}": ${(cause as Error).message}.`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new UsageError(`--rake ${inline ? 'value' : `file "${value}"`} is not valid JSON (${(cause as Error).message}); write '{"gender": {"female": 0.5, "male": 0.5}}'.`);
  }
  const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isRecord(parsed) || !Object.values(parsed).every((m) => isRecord(m) && Object.values(m).every((share) => typeof share === 'number'))) {
    throw new UsageError(`--rake must map each segment column to population shares of its categories, e.g. '{"gender": {"female": 0.5, "male": 0.5}}'.`);
  }
  return parsed as RakeMargins;
}
