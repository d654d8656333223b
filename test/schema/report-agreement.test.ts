import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Agrees, Drift, FieldPaths } from '../../src/schema/report.js';

// The compile-time link between a result type and its schema (src/schema/report.ts), exercised on
// a small pair. `npm run typecheck` checks these assertions; vitest only runs the bodies.

interface Result {
  readonly method: 'sample';
  readonly estimate: number | null;
  readonly rows?: readonly { readonly name: string; readonly values: readonly number[] }[];
}
const schema = z.strictObject({
  method: z.literal('sample'),
  estimate: z.number().nullable(),
  rows: z.array(z.strictObject({ name: z.string(), values: z.array(z.number()) })).optional(),
});

describe('result type and schema agreement (compile time)', () => {
  it('lists every field path, arrays as [] and optional fields with ?', () => {
    expectTypeOf<FieldPaths<Result>>().toEqualTypeOf<'method' | 'estimate' | 'rows?' | 'rows[].name' | 'rows[].values'>();
    expect(schema.safeParse({ method: 'sample', estimate: null }).success).toBe(true);
  });

  it('finds no drift between a result type and its own schema, readonly aside', () => {
    expectTypeOf<Drift<Result, typeof schema>>().toEqualTypeOf<{ readonly missingFromSchema: never; readonly missingFromResult: never }>();
    expectTypeOf<Agrees<Result, typeof schema, Drift<Result, typeof schema>>>().not.toBeNever();
  });

  it('names a field added to the result type but not to the schema, and one the schema has that the result lacks', () => {
    type Grown = Result & { readonly rows?: readonly { readonly weight: number }[] };
    expectTypeOf<Drift<Grown, typeof schema>['missingFromSchema']>().toEqualTypeOf<'rows[].weight'>();
    const wider = schema.extend({ note: z.string().optional() });
    expectTypeOf<Drift<Result, typeof wider>['missingFromResult']>().toEqualTypeOf<'note?'>();
  });

  it('tells a field made optional on one side only', () => {
    const optional = schema.extend({ estimate: z.number().nullable().optional() });
    expectTypeOf<Drift<Result, typeof optional>>().toEqualTypeOf<{ readonly missingFromSchema: 'estimate'; readonly missingFromResult: 'estimate?' }>();
  });

  it('rejects a result value the schema does not accept (a nullable result field, a non-nullable schema)', () => {
    const strict = schema.extend({ estimate: z.number() });
    // @ts-expect-error Result['estimate'] may be null; the schema's may not.
    expectTypeOf<Agrees<Result, typeof strict, Drift<Result, typeof strict>>>().not.toBeNever();
    expect(strict.safeParse({ method: 'sample', estimate: null }).success).toBe(false);
  });
});
