import { describe, expect, it } from 'vitest';
import { contract, opNames, type Topic } from '../../shared/api/contract';
import { handlers } from '../../electron/core/handlers';

describe('the API contract', () => {
  it('has exactly one handler per operation', () => {
    expect(Object.keys(handlers).sort()).toEqual([...opNames].sort());
  });

  it('marks every operation as either a read or a write, never both', () => {
    for (const name of opNames) {
      const spec = contract[name];
      expect(spec.reads.length > 0 || spec.touches.length > 0, name).toBe(true);
      expect(spec.reads.length > 0 && spec.touches.length > 0, name).toBe(false);
    }
  });

  it('lets every write invalidate at least one read', () => {
    const readTopics = new Set<Topic>(opNames.flatMap((n) => contract[n].reads));
    for (const name of opNames.filter((n) => contract[n].touches.length > 0)) {
      expect(contract[name].touches.some((t) => readTopics.has(t)), name).toBe(true);
    }
  });

  it('accepts a valid coding and rejects bad ranges and unknown fields', () => {
    const schema = contract['codings.create'].input;
    expect(schema.safeParse({ documentId: 1, codeId: 2, start: 0, end: 5 }).success).toBe(true);
    expect(schema.safeParse({ documentId: 1, codeId: 2, start: 5, end: 5 }).success).toBe(false);
    expect(schema.safeParse({ documentId: 1, codeId: 2, start: -1, end: 5 }).success).toBe(false);
    expect(schema.safeParse({ documentId: 1, codeId: 2, start: 0.5, end: 5 }).success).toBe(false);
    expect(schema.safeParse({ documentId: 1, codeId: 2, start: 0, end: 5, extra: true }).success).toBe(false);
    expect(schema.safeParse({ documentId: '1', codeId: 2, start: 0, end: 5 }).success).toBe(false);
  });

  it('trims code names and refuses empty ones and bad colours', () => {
    const schema = contract['codes.create'].input;
    expect(schema.parse({ name: '  Stigma  ' }).name).toBe('Stigma');
    expect(schema.safeParse({ name: '   ' }).success).toBe(false);
    expect(schema.safeParse({ name: 'Stigma', color: 'red' }).success).toBe(false);
    expect(schema.safeParse({ name: 'Stigma', color: '#aa0011' }).success).toBe(true);
  });
});
