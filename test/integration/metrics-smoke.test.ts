import { describe, expect, it } from 'vitest';
import { weeklyMetrics } from '@/lib/metrics/dashboard';
import { withTestDatabase } from '../support/database';

withTestDatabase();

describe('metrics smoke', () => {
  it('runs every aggregate on an empty database', async () => {
    const weeks = await weeklyMetrics();
    expect(weeks).toHaveLength(12);
    expect(weeks[11]!.encounters).toBeNull();
  });
});
