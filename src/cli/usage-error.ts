import { PeakEndError } from '../errors.js';

/** A command-line usage mistake: unknown command or flag, missing argument. Exit code 2. */
export class UsageError extends PeakEndError {
  constructor(message: string) {
    super('usage', message);
  }
}

/**
 * The command produced its output, but a part of the analysis it was asked for could not run
 * (too few rows, no variation); the message names the parts. Exit code 4.
 */
export class PartialResultError extends PeakEndError {
  constructor(message: string) {
    super('partial_result', message);
  }
}
