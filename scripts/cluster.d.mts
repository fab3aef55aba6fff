// Types for scripts/cluster.mjs (plain JavaScript, run by npm start before anything is compiled).
export declare const isPrimary: boolean;
export declare function workerCount(env?: Record<string, string | undefined>): number;
export declare function heapArgs(env?: Record<string, string | undefined>): string[];
export declare function runPrimary(count: number): void;
