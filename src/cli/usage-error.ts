import { PeakEndError } from '../errors.js';

/** A command-line usage mistake: unknown command or flag, missing argument. Exit code 2. */
export class UsageError extends PeakEndError {
  constructor(message: string) {
    super('usage', message);
  }
}
