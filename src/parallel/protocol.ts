/**
 * The messages between the main thread and the worker threads of 'peak-end/node', and how errors
 * cross between them: a worker sends an error as plain data and the main thread rebuilds the same
 * library error class (same name, code, message, issues or columns), so callers catch exactly
 * what the in-thread computation would have thrown.
 */
import { ConvergenceError, type DataIssue, DataValidationError, InsufficientDataError, InvalidArgumentError, PeakEndError, RankDeficientError } from '../errors.js';
import type { GestaltFeatureColumns } from '../experience/gestalt-features.js';
import type { PeakEndOptions, PeakEndResult } from '../experience/peak-end.js';
import type { BootstrapWork } from '../importance/bootstrap.js';
import type { DescribeOptions, SurveyDescriptives } from '../survey/describe-survey.js';
import type { SurveyRatings } from '../survey/survey.js';
import type { WalkRequest } from './split-walk.js';

/** What a worker is set up with (its `workerData`). */
export type WorkerJob =
  | { readonly kind: 'bootstrap'; readonly work: BootstrapWork; readonly reportProgress: boolean }
  | { readonly kind: 'lmg'; readonly corr: Float64Array; readonly players: readonly (readonly number[])[]; readonly depth: number }
  /** A helper thread (HelperThread): it touches pages and runs one call, as asked. */
  | { readonly kind: 'helper' };

/**
 * What a helper thread runs for analyzeParallel, on the rated columns (in shared memory) of a
 * survey: `peakEnd`, its walk split with the calling thread (a `walk` reply asks for the other
 * half) and its Gestalt features handed over (a `features` reply), then `describeSurvey`; the
 * result ({@link HelperParts}) holds each part's result or error.
 */
export type OneCall = { readonly kind: 'peak-end-and-descriptives'; readonly survey: SurveyRatings; readonly peakEnd: PeakEndOptions; readonly describe: DescribeOptions };

/** A part's result, or its error as plain data. */
export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SerializedError };

/** The result of a {@link OneCall}. */
export interface HelperParts {
  readonly peakEnd: Settled<PeakEndResult>;
  readonly describe: Settled<SurveyDescriptives>;
}

/** One unit of work: a contiguous range, or a helper thread's page touching (no reply) or call (a `value` reply). */
export type WorkerTask =
  | { readonly kind: 'resample'; readonly from: number; readonly to: number; readonly state: readonly [number, number, number, number] }
  | { readonly kind: 'jackknife'; readonly from: number; readonly to: number }
  | { readonly kind: 'lmg-blocks'; readonly from: number; readonly to: number }
  | { readonly kind: 'touch'; readonly columns: readonly Float64Array[] }
  | { readonly kind: 'prepare-walk'; readonly rows: number }
  | { readonly kind: 'call'; readonly call: OneCall };

/** Messages from a worker. */
export type WorkerReply =
  | { readonly type: 'progress'; readonly completed: number }
  | { readonly type: 'result'; readonly values: Float64Array; readonly ok: Uint8Array }
  | { readonly type: 'value'; readonly value: unknown }
  | { readonly type: 'features'; readonly features: GestaltFeatureColumns | null }
  | { readonly type: 'walk'; readonly request: WalkRequest }
  | { readonly type: 'error'; readonly error: SerializedError };

/** An error as plain, structured-cloneable data. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  /** True for the library's errors (PeakEndError and its subclasses). */
  readonly library?: boolean;
  readonly stack?: string;
  readonly issues?: readonly DataIssue[];
  readonly totalIssues?: number;
  readonly columns?: readonly string[];
}

/** Turns anything thrown into plain data, keeping what the library's error classes carry. */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const base = { name: error.name, message: error.message, ...(error.stack !== undefined && { stack: error.stack }) };
  if (error instanceof DataValidationError) return { ...base, library: true, code: error.code, issues: error.issues, totalIssues: error.totalIssues };
  if (error instanceof RankDeficientError) return { ...base, library: true, code: error.code, columns: error.columns };
  if (error instanceof PeakEndError) return { ...base, library: true, code: error.code };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? { ...base, code } : base;
}

/**
 * Rebuilds a serialized error: the library's classes by name, with the same code and message;
 * any other error as an `Error` with the worker's name, message, code and stack.
 */
export function reviveError(data: SerializedError): Error {
  switch (data.name) {
    case 'DataValidationError':
      return new DataValidationError(data.issues ?? [], data.totalIssues === undefined ? {} : { totalIssues: data.totalIssues });
    case 'InvalidArgumentError':
      return new InvalidArgumentError(data.message);
    case 'InsufficientDataError':
      return new InsufficientDataError(data.message);
    case 'RankDeficientError':
      return new RankDeficientError(data.message, data.columns ?? []);
    case 'ConvergenceError':
      return new ConvergenceError(data.code ?? 'convergence', data.message);
    default:
      break;
  }
  if (data.library === true && data.code !== undefined) {
    // PeakEndError itself or another subclass: keep its code, message and name.
    const error = new PeakEndError(data.code, data.message);
    error.name = data.name;
    return error;
  }
  const error = new Error(data.message);
  error.name = data.name;
  if (data.code !== undefined) Object.assign(error, { code: data.code });
  if (data.stack !== undefined) error.stack = data.stack;
  return error;
}
