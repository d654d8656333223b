/** What a command may do with the outside world: print results, print notes, know its paths. */
export interface CommandContext {
  /** Results, on stdout. */
  readonly out: (text: string) => void;
  /** Notes and announcements (inferred settings, progress), on stderr. */
  readonly info: (text: string) => void;
  /** Warnings from the analysis, on stderr. */
  readonly warn: (text: string) => void;
  /** Error messages, on stderr. */
  readonly error: (text: string) => void;
  /** Progress of a long step; shown as a bar on a terminal, silent otherwise. */
  readonly progress: (label: string, completed: number, total: number) => void;
  /** The package root, to find bundled fixtures. */
  readonly packageRoot: string;
}
