/**
 * peak-end: customer-experience survey analytics.
 *
 * The browser-safe core: no `node:` imports anywhere below this file. File and stream helpers
 * live in `peak-end/node`.
 *
 * @packageDocumentation
 */

// errors
export {
  PeakEndError,
  DataValidationError,
  InvalidArgumentError,
  InsufficientDataError,
  RankDeficientError,
  ConvergenceError,
  MAX_LISTED_ISSUES,
} from './errors.js';
export type { DataIssue, IssueCode, PeakEndErrorOptions } from './errors.js';
