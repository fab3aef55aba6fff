import { describe, expect, it } from 'vitest';
import { canonical, GENESIS, seal, verifyChain } from '@/lib/governance/chain';
import { impactOf, influenceBand } from '@/lib/governance/impact';
import { VERSION_1, trustParameters } from '@/lib/governance/parameters';
import { applyChanges, diff, isProposalId, majorityFor, resultOf } from '@/lib/governance/votes';

describe('the result of a vote', () => {
  it('quorum: at least the share of the roll cast a ballot, abstentions included', () => {
    expect(resultOf({ yes: 5, no: 0, abstain: 0 }, 10, 50, 'simple')).toBe('accepted'); // exactly 50 %
    expect(resultOf({ yes: 4, no: 0, abstain: 0 }, 10, 50, 'simple')).toBe('no_quorum');
    expect(resultOf({ yes: 3, no: 0, abstain: 2 }, 10, 50, 'simple')).toBe('accepted');
    expect(resultOf({ yes: 0, no: 0, abstain: 0 }, 0, 50, 'simple')).toBe('no_quorum'); // an empty roll decides nothing
    expect(resultOf({ yes: 0, no: 0, abstain: 6 }, 10, 50, 'simple')).toBe('rejected'); // nobody for it
  });

  it('simple majority: more yes than no; a tie rejects', () => {
    expect(resultOf({ yes: 3, no: 2, abstain: 0 }, 5, 50, 'simple')).toBe('accepted');
    expect(resultOf({ yes: 3, no: 3, abstain: 0 }, 6, 50, 'simple')).toBe('rejected');
  });

  it('two thirds of yes + no for the voting rules', () => {
    expect(majorityFor({ quorumPercent: 60 })).toBe('two_thirds');
    expect(majorityFor({ releaseThreshold: 4 })).toBe('simple');
    expect(resultOf({ yes: 4, no: 2, abstain: 0 }, 6, 50, 'two_thirds')).toBe('accepted'); // exactly 2/3
    expect(resultOf({ yes: 5, no: 3, abstain: 0 }, 8, 50, 'two_thirds')).toBe('rejected'); // 62.5 %
  });

  it('changes: only what differs; applied to the newest version and re-validated', () => {
    expect(diff(VERSION_1, { ...VERSION_1, releaseThreshold: 4 })).toEqual({ releaseThreshold: 4 });
    expect(applyChanges({ ...VERSION_1, percentile: 0.3 }, { releaseThreshold: 4 })).toEqual({ ...VERSION_1, percentile: 0.3, releaseThreshold: 4 });
    expect(applyChanges(VERSION_1, { releaseThreshold: 1 })).toBeNull();
    expect(isProposalId('0b6c1a52-6c4e-4b8e-9d1e-2f8c0f3a9e11')).toBe(true);
    expect(isProposalId("1' or '1'='1")).toBe(false);
  });
});

describe('the chain', () => {
  it('canonical JSON sorts keys at every level and keeps arrays in order', () => {
    expect(canonical({ z: [3, { b: 2, a: 1 }], a: 'x', n: null, u: undefined })).toBe('{"a":"x","n":null,"z":[3,{"a":1,"b":2}]}');
  });

  it('sealing links each entry to the one before; verification catches a change, a removal and a swap', () => {
    const a = seal(null, { changedOn: '2026-12-01', entry: 'release', body: { version: '0.1.0' } });
    const b = seal(a, { changedOn: '2026-12-02', entry: 'flag_removed', body: {} });
    const c = seal(b, { changedOn: '2026-12-02', entry: 'financial_report', body: { month: '2026-11', duesCents: 100, costsCents: 50 } });
    expect(a.prevHash).toBe(GENESIS);
    expect(verifyChain([a, b, c])).toEqual({ ok: true, entries: 3, head: c.hash });
    expect(verifyChain([a, { ...b, changedOn: '2026-12-03' }, c])).toEqual({ ok: false, seq: 2, problem: 'hash' });
    expect(verifyChain([a, c])).toEqual({ ok: false, seq: 3, problem: 'sequence' });
    expect(verifyChain([a, { ...c, seq: 2 }, { ...b, seq: 3 }])).toMatchObject({ ok: false, seq: 2 });
  });
});

describe('the impact preview', () => {
  const v1 = trustParameters(VERSION_1);
  it('bands influence by quarters, 0 apart', () => {
    expect([0, 0.01, 0.25, 0.26, 0.5, 0.75, 0.76, 1].map(influenceBand)).toEqual(['none', 'q1', 'q1', 'q2', 'q2', 'q3', 'q4', 'q4']);
  });

  it('suppresses every figure behind fewer than 5 people', () => {
    const four = new Map(['a', 'b', 'c', 'd'].map((id) => [id, { ratings: 1, safeYes: 1, safeNo: 0, reliableYes: 1, reliableNo: 0 }]));
    const impact = impactOf({ counts: four, trust: v1, releaseThreshold: 3 }, { counts: four, trust: { ...v1, dampingExponent: 1 }, releaseThreshold: 3 }, [{ ratings: 3, raters: 3 }]);
    expect(impact).toEqual({
      buyers: null, verdictChanged: null, trustChanged: null, dueBefore: null, dueAfter: null,
      influence: ['none', 'q1', 'q2', 'q3', 'q4'].map((band) => ({ band, before: null, after: null })),
    });
  });
});
