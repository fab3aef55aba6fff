import { describe, expect, it } from 'vitest';
import { replyResolves } from '@/lib/http/action-reply';

const parts = (map: Record<string, string>) => (id: string) => map[id] ?? null;

describe('replyResolves()', () => {
  it('takes plain JSON arguments and the inline forms', () => {
    for (const body of ['[]', '["$undefined","x"]', '[1,{"a":[null,true]}]', '["$$dollar","$D2024-01-01T00:00:00.000Z","$n12","$NaN","$-0","$T"]']) {
      expect(replyResolves(body), body).toBe(true);
    }
  });

  it('refuses pointers to parts a text body does not have, and bodies that are not JSON', () => {
    for (const body of ['["$Q1"]', '["$@0"]', '["$1"]', '["$W2"]', '["$F1"]', '["$B1"]', '["$?"]', '[', '', '""', '{}', '7', 'null']) {
      expect(replyResolves(body), body).toBe(false);
    }
  });

  it('follows pointers through the parts of a multipart body', () => {
    expect(replyResolves('["$undefined","$K1"]', parts({}))).toBe(true);
    expect(replyResolves('["$Q1"]', parts({ 1: '[["a",1]]' }))).toBe(true);
    expect(replyResolves('["$Q1"]', parts({ 1: '[["a","$@2"]]' }))).toBe(false);
    expect(replyResolves('["$Q1"]', parts({ 1: '[["a","$@2"]]', 2: '"x"' }))).toBe(true);
    expect(replyResolves('["$a"]', parts({ 10: '{}' }))).toBe(true);
    expect(replyResolves('["$Q1"]', parts({ 1: '[["a","$Q1"]]' }))).toBe(true);
  });
});
