// The worker-thread versions ('peak-end/node') with the notebook display method on their results,
// as src/report/displayed.ts does for the core.
import { analyzeParallel as analyzeParallelData } from '../parallel/analyze-parallel.js';
import { bootstrapImportanceParallel as bootstrapImportanceParallelData } from '../parallel/bootstrap-importance-parallel.js';
import { relativeImportanceParallel as relativeImportanceParallelData } from '../parallel/relative-importance-parallel.js';
import { displayableAsync } from './notebook.js';

export const analyzeParallel = displayableAsync(analyzeParallelData);
export const bootstrapImportanceParallel = displayableAsync(bootstrapImportanceParallelData);
export const relativeImportanceParallel = displayableAsync(relativeImportanceParallelData);
