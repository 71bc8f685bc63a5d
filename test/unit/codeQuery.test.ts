import { describe, expect, it } from 'vitest';
import { codeNames, evaluateCodeQuery, parseCodeQuery, usesTurns } from '../../shared/analysis/codeQuery';
import { intersect, near, normalise, subtract, union, type Range } from '../../shared/analysis/ranges';

const r = (start: number, end: number): Range => ({ start, end });

describe('range arithmetic', () => {
  it('normalises overlapping and touching ranges into one', () => {
    expect(normalise([r(5, 8), r(0, 3), r(3, 4), r(7, 10), r(12, 12)])).toEqual([r(0, 4), r(5, 10)]);
  });
  it('intersects, unites and subtracts', () => {
    const a = [r(0, 10), r(20, 30)];
    const b = [r(5, 25)];
    expect(intersect(a, b)).toEqual([r(5, 10), r(20, 25)]);
    expect(union(a, b)).toEqual([r(0, 30)]);
    expect(subtract(a, b)).toEqual([r(0, 5), r(25, 30)]);
    expect(subtract([r(0, 30)], [r(5, 10), r(15, 20)])).toEqual([r(0, 5), r(10, 15), r(20, 30)]);
    expect(subtract([r(0, 5)], [r(0, 5)])).toEqual([]);
  });
  it('finds ranges within a distance, overlap counting as zero', () => {
    expect(near([r(0, 10), r(100, 110)], [r(15, 20)], 5)).toEqual([r(0, 10)]);
    expect(near([r(0, 10)], [r(16, 20)], 5)).toEqual([]);
    expect(near([r(0, 10)], [r(5, 6)], 0)).toEqual([r(0, 10)]);
  });
});

describe('boolean code queries', () => {
  const coded: Record<string, Range[]> = {
    Income: [r(0, 10), r(40, 50)],
    Welfare: [r(5, 15)],
    'No welfare': [r(45, 60)],
    Stigma: [r(70, 80)],
  };
  const run = (expression: string) => evaluateCodeQuery(parseCodeQuery(expression), (name) => coded[name] ?? []);

  it('AND yields the overlapping part', () => {
    expect(run('Income AND Welfare')).toEqual([r(5, 10)]);
  });
  it('OR yields either', () => {
    expect(run('Income OR Welfare')).toEqual([r(0, 15), r(40, 50)]);
  });
  it('NOT yields the part of the first not coded with the second', () => {
    expect(run('Income NOT Welfare')).toEqual([r(0, 5), r(40, 50)]);
  });
  it('NEAR/N yields the passages of both within N characters of each other', () => {
    expect(run('Income NEAR/20 Stigma')).toEqual([r(40, 50), r(70, 80)]);
    expect(run('Income NEAR/19 Stigma')).toEqual([]);
  });
  it('NEAR/TURN yields the passages of both that share a speaker turn, and nothing without turns', () => {
    const turns = [r(0, 20), r(20, 60), r(60, 100)];
    const inTurns = (expression: string) => evaluateCodeQuery(parseCodeQuery(expression), (name) => coded[name] ?? [], turns);
    expect(inTurns('Income NEAR/TURN Welfare')).toEqual([r(0, 15)]);
    expect(inTurns('Income near/turn "No welfare"')).toEqual([r(40, 60)]);
    expect(inTurns('Income NEAR/TURN Stigma')).toEqual([]);
    expect(run('Income NEAR/TURN Welfare')).toEqual([]);
    expect(usesTurns(parseCodeQuery('A OR (B NEAR/TURN C)'))).toBe(true);
    expect(usesTurns(parseCodeQuery('A NEAR/5 B'))).toBe(false);
  });
  it('reads quoted names, parentheses and precedence (NEAR, then AND/NOT, then OR)', () => {
    expect(run('"No welfare" AND Income')).toEqual([r(45, 50)]);
    expect(run('Stigma OR Income AND Welfare')).toEqual([r(5, 10), r(70, 80)]);
    expect(run('(Stigma OR Income) AND Welfare')).toEqual([r(5, 10)]);
    expect(run('income and welfare')).toEqual([]);
    expect(codeNames(parseCodeQuery('(A OR "B c") NOT A'))).toEqual(['A', 'B c']);
  });
  it('reports syntax errors with their position', () => {
    expect(() => parseCodeQuery('Income AND')).toThrow(/character 11: the expression ends too early/);
    expect(() => parseCodeQuery('(Income OR Welfare')).toThrow(/“\(” is never closed/);
    expect(() => parseCodeQuery('Income NEAR Welfare')).toThrow(/NEAR with a distance/);
    expect(() => parseCodeQuery('"Income AND Welfare')).toThrow(/character 1: a quoted code name/);
    expect(() => parseCodeQuery('AND Income')).toThrow(/expected a code name, found “AND”/);
    expect(() => parseCodeQuery('Income Welfare')).toThrow(/character 8: unexpected text/);
    expect(() => parseCodeQuery('   ')).toThrow(/query is empty/);
  });
});
