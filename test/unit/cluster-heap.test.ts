import { afterEach, describe, expect, it, vi } from 'vitest';
import { heapArgs } from '../../scripts/cluster.mjs';

afterEach(() => vi.restoreAllMocks());

describe('the server processes’ heap limit (scripts/cluster.mjs)', () => {
  it('is 256 MB unless SERVER_HEAP_MB says otherwise', () => {
    expect(heapArgs({})).toEqual(['--max-old-space-size=256']);
    expect(heapArgs({ SERVER_HEAP_MB: '384' })).toEqual(['--max-old-space-size=384']);
  });

  it('leaves a limit given in NODE_OPTIONS alone', () => {
    expect(heapArgs({ NODE_OPTIONS: '--enable-source-maps --max-old-space-size=1024', SERVER_HEAP_MB: '384' })).toEqual([]);
  });

  it('stops the server with one line for a limit that is not a sensible number of megabytes', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const bad of ['abc', '12', '1.5', '100000']) {
      expect(() => heapArgs({ SERVER_HEAP_MB: bad })).toThrow('exit 1');
    }
    expect(exit).toHaveBeenCalledTimes(4);
    expect(error.mock.calls[0]![0]).toContain('SERVER_HEAP_MB');
  });
});
