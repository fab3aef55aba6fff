// Types for scripts/compile-hints.mjs (plain JavaScript, run by npm run build after next build).
export declare const COMPILE_HINT: string;
export declare function addCompileHints(dir: string): number;
