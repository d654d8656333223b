/** `peak-end schema`: the JSON Schema of the Report that `analyze --json` prints. */
import { reportJsonSchema } from '../schema/report.js';
import type { CommandContext } from './context.js';

export const schemaHelp = `Usage: peak-end schema

Prints the JSON Schema (draft 2020-12) of the Report that "peak-end analyze --json" prints.`;

export async function schemaCommand(_args: readonly string[], ctx: CommandContext): Promise<void> {
  ctx.out(JSON.stringify(reportJsonSchema(), null, 2));
}
