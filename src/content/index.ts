/**
 * The content layer: loads flows/ and content/ YAML into the engine's Bundle,
 * checks it statically, exports JSON Schemas for editors, and serves it with
 * hot reload that keeps the last good bundle.
 */
export { loadBundle, type LoadOptions, type LoadResult } from './load-bundle.js';
export {
  checkExitCode,
  formatProblem,
  formatProblems,
  hasErrors,
  sortProblems,
  summarizeProblems,
  type Problem,
  type Severity,
} from './problem.js';
export {
  ContentLoadError,
  createContentSource,
  isReloadable,
  type ContentLogger,
  type ContentSource,
  type ContentSourceOptions,
  type ReloadResult,
} from './content-source.js';
export { exportJsonSchemas, jsonSchemaOf, SCHEMA_FILES } from './json-schemas.js';
