/**
 * peak-end/node: everything in the core plus file and stream input for Node.js.
 *
 * @packageDocumentation
 */
export * from './index.js';
