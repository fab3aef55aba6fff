import 'server-only';
import { cache } from 'react';
import { cachedVersionInForce } from '@/db/queries/parameters';

/**
 * The parameter version in force, read once per request (React cache) from a small per-process
 * cache (db/queries/parameters.ts). The weekly snapshot and the timer read it from their own
 * transaction instead.
 */
export const parametersInForce = cache(() => cachedVersionInForce());
