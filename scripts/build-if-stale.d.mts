// Types for build-if-stale.mjs, which the bench (TypeScript) imports.
/** Whether `next build` must run: no build yet, or a source changed after it. */
export function needsBuild(): boolean;
/** Runs `next build` when needed; exits the process when the build fails. */
export function buildIfStale(label?: string): void;
