/** Loads an R reference survey (test/golden/reference) as the X, y and weights of its model. */
import { loadGolden } from './golden.js';

export interface ReferenceFile {
  name: string;
  columns: string[];
  data: (number | null)[][];
  weights: number[] | null;
  model: { y: string; x: string[]; intercept: boolean };
  lm: Record<string, unknown> & { coefficients: Record<string, unknown>[] };
  HC0?: { stdError: Record<string, number>; pValue: Record<string, number> };
  HC1?: { stdError: Record<string, number>; pValue: Record<string, number> };
  HC2?: { stdError: Record<string, number>; pValue: Record<string, number> };
  HC3?: { stdError: Record<string, number>; pValue: Record<string, number> };
  relimp?: Record<string, unknown> & { R2: number };
  clm?: Record<string, unknown>;
}

export const REFERENCE_NAMES = [
  'survey-n1000-k10-s1000',
  'survey-n120-k5-collinear-s1000',
  'survey-n200-k5-s1000',
  'survey-n25-k3-s1000',
  'survey-n300-k6-weighted-s1000',
  'survey-n47-k7-s1000',
  'survey-n500-k7-missing-s1000',
  'survey-n5000-k12-s1000',
  'survey-n60-k4-scale7-s1000',
] as const;

export function loadReference(name: string): ReferenceFile & { X: (number | null)[][]; y: (number | null)[] } {
  const ref = loadGolden<ReferenceFile>(`reference/${name}.json`);
  const xIndex = ref.model.x.map((c) => ref.columns.indexOf(c));
  const yIndex = ref.columns.indexOf(ref.model.y);
  return {
    ...ref,
    X: ref.data.map((row) => xIndex.map((j) => row[j] ?? null)),
    y: ref.data.map((row) => row[yIndex] ?? null),
  };
}
