/** A document's turns as stored: packed and read back, searched for the turn a position falls in, their speaker replaced. */
import { describe, expect, it } from 'vitest';
import { DocumentTurns, TurnsBuilder, turnId } from '../../electron/core/store/documentTurns';

function threeTurns(times = false): DocumentTurns {
  const turns = new TurnsBuilder();
  turns.add(7, 0, 5, 20, times ? 0 : null, null);
  turns.add(9, 21, 26, 40, times ? 1500 : null, times ? 2500 : null);
  // A gap between turns: text no speaker said (a note, a blank line).
  turns.add(7, 50, 55, 80, null, null);
  return turns.build();
}

describe('stored speaker turns', () => {
  it('finds the turn a position falls in: the last one starting at or before it, if it ends after it', () => {
    const turns = threeTurns();
    expect([0, 4, 19, 20, 21, 39, 40, 45, 50, 79, 80, 500].map((p) => turns.indexAt(p))).toEqual([0, 0, 0, -1, 1, 1, -1, -1, 2, 2, -1, -1]);
    expect(DocumentTurns.none.indexAt(0)).toBe(-1);
  });

  it('comes back from its columns as it was, times and their absence included', () => {
    for (const timed of [false, true]) {
      const turns = threeTurns(timed);
      const [ints, times] = turns.columns();
      expect(times === null).toBe(!timed);
      // Read from a buffer whose offset no 4- or 8-byte value is aligned to, as a pooled Buffer may be.
      const shifted = (bytes: Buffer) => Buffer.concat([Buffer.from([1, 2, 3]), bytes]).subarray(3);
      const back = DocumentTurns.fromColumns(shifted(ints), times && shifted(times));
      expect(back.records(4)).toEqual(turns.records(4));
    }
    expect(threeTurns(true).records(4)[1]).toEqual({ id: turnId(4, 1), speakerId: 9, start: 21, contentStart: 26, end: 40, timeStartMs: 1500, timeEndMs: 2500 });
  });

  it('keeps turns given out of order in the order of their starts, each with its own times', () => {
    const turns = new TurnsBuilder();
    turns.add(2, 30, 31, 40, 3000, 4000);
    turns.add(1, 0, 1, 10, 0, 1000);
    turns.add(3, 15, 16, 25, null, null);
    const built = turns.build();
    expect(built.records(1).map((t) => [t.speakerId, t.start, t.timeStartMs, t.timeEndMs])).toEqual([
      [1, 0, 0, 1000],
      [3, 15, null, null],
      [2, 30, 3000, 4000],
    ]);
    expect(built.indexAt(35)).toBe(2);
  });

  it('refuses stored bytes that are not whole values', () => {
    expect(() => DocumentTurns.fromColumns(Buffer.alloc(18), null)).toThrow(/not whole 4-byte values/);
  });

  it('gives each turn of a project its own id', () => {
    const ids = [turnId(1, 0), turnId(1, 1), turnId(2, 0), turnId(2, 2 ** 21 - 1), turnId(3, 0)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(turnId(2 ** 32 - 1, 2 ** 21 - 1)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
  });

  it('replaces one speaker by another and leaves the rest, and the original, as they were', () => {
    const turns = threeTurns();
    const merged = turns.withSpeaker(7, 9);
    expect([0, 1, 2].map((i) => merged.speakerId(i))).toEqual([9, 9, 9]);
    expect([0, 1, 2].map((i) => turns.speakerId(i))).toEqual([7, 9, 7]);
  });

  it('takes a prepared document’s turns, its speakers named by index, with their ids', () => {
    const prepared = DocumentTurns.prepared(Int32Array.from([1, 0, 4, 10, 0, 11, 15, 30]), Float64Array.from([NaN, NaN, NaN, NaN]), [42, 43]);
    expect(prepared.records(1).map((t) => [t.speakerId, t.start, t.timeStartMs])).toEqual([
      [43, 0, null],
      [42, 11, null],
    ]);
    expect(prepared.columns()[1]).toBeNull();
  });
});
