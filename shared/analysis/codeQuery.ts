/**
 * Boolean queries over codes. An expression combines code names (double-quoted
 * when they contain spaces or operators) with AND, OR, NOT, NEAR/N and
 * parentheses, evaluated per document on the text the codes cover:
 *
 * - `A AND B`   the text coded with both (the overlapping part);
 * - `A OR B`    the text coded with either;
 * - `A NOT B`   the text coded with A and not with B;
 * - `A NEAR/N B` the passages of A and of B that lie within N characters of
 *   a passage of the other (overlapping counts as 0);
 * - `A NEAR/TURN B` the passages of A and of B that share a speaker turn with
 *   a passage of the other (nothing, in a document without turns).
 *
 * NEAR binds tightest, then AND and NOT (left to right), then OR.
 */
import { AppError } from '../api/errors';
import { intersect, near, normalise, sameTurn, subtract, union, type Range } from './ranges';

export type QueryNode =
  | { kind: 'code'; name: string }
  | { kind: 'and' | 'or' | 'not'; left: QueryNode; right: QueryNode }
  | { kind: 'near'; distance: number | 'turn'; left: QueryNode; right: QueryNode };

type Token = { kind: 'name'; value: string; at: number } | { kind: 'op'; value: 'AND' | 'OR' | 'NOT'; at: number } | { kind: 'near'; distance: number | 'turn'; at: number } | { kind: '(' | ')'; at: number };

type SyntaxProblem = 'query_unclosed_quote' | 'query_empty_name' | 'query_near_distance' | 'query_incomplete' | 'query_unclosed_paren' | 'query_expected_code' | 'query_trailing' | 'query_empty';

function fail(at: number, problem: SyntaxProblem, found = ''): never {
  throw new AppError(problem, { at: at + 1, found });
}

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c, at: i++ });
    } else if (c === '"') {
      const close = expression.indexOf('"', i + 1);
      if (close < 0) fail(i, 'query_unclosed_quote');
      const value = expression.slice(i + 1, close);
      if (!value.trim()) fail(i, 'query_empty_name');
      tokens.push({ kind: 'name', value, at: i });
      i = close + 1;
    } else {
      let j = i;
      while (j < expression.length && !/[\s()"]/.test(expression[j]!)) j++;
      const word = expression.slice(i, j);
      const upper = word.toUpperCase();
      const nearMatch = /^NEAR\/(\d+|TURN)$/.exec(upper);
      if (upper === 'AND' || upper === 'OR' || upper === 'NOT') tokens.push({ kind: 'op', value: upper, at: i });
      else if (nearMatch) tokens.push({ kind: 'near', distance: nearMatch[1] === 'TURN' ? 'turn' : Number(nearMatch[1]), at: i });
      else if (upper === 'NEAR' || upper.startsWith('NEAR/')) fail(i, 'query_near_distance');
      else tokens.push({ kind: 'name', value: word, at: i });
      i = j;
    }
  }
  return tokens;
}

export function parseCodeQuery(expression: string): QueryNode {
  const tokens = tokenize(expression);
  let position = 0;
  const peek = () => tokens[position];

  const primary = (): QueryNode => {
    const token = tokens[position++];
    if (!token) fail(expression.length, 'query_incomplete');
    if (token.kind === 'name') return { kind: 'code', name: token.value };
    if (token.kind === '(') {
      const inner = or();
      const close = tokens[position++];
      if (close?.kind !== ')') fail(close?.at ?? expression.length, 'query_unclosed_paren');
      return inner;
    }
    return fail(token.at, 'query_expected_code', token.kind === 'op' ? token.value : token.kind === 'near' ? `NEAR/${token.distance === 'turn' ? 'TURN' : token.distance}` : token.kind);
  };
  const nearExpr = (): QueryNode => {
    let left = primary();
    for (let t = peek(); t?.kind === 'near'; t = peek()) {
      position++;
      left = { kind: 'near', distance: t.distance, left, right: primary() };
    }
    return left;
  };
  const and = (): QueryNode => {
    let left = nearExpr();
    for (let t = peek(); t?.kind === 'op' && (t.value === 'AND' || t.value === 'NOT'); t = peek()) {
      position++;
      left = { kind: t.value === 'AND' ? 'and' : 'not', left, right: nearExpr() };
    }
    return left;
  };
  const or = (): QueryNode => {
    let left = and();
    for (let t = peek(); t?.kind === 'op' && t.value === 'OR'; t = peek()) {
      position++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };

  if (tokens.length === 0) fail(0, 'query_empty');
  const tree = or();
  const rest = peek();
  if (rest) fail(rest.at, 'query_trailing');
  return tree;
}

/** Whether the query needs the documents' speaker turns. */
export function usesTurns(node: QueryNode): boolean {
  if (node.kind === 'code') return false;
  return (node.kind === 'near' && node.distance === 'turn') || usesTurns(node.left) || usesTurns(node.right);
}

export function codeNames(node: QueryNode): string[] {
  return node.kind === 'code' ? [node.name] : [...new Set([...codeNames(node.left), ...codeNames(node.right)])];
}

/**
 * Evaluate on one document: `coded` gives the ranges of each code name in
 * that document, `turns` its speaker turns (for NEAR/TURN).
 */
export function evaluateCodeQuery(node: QueryNode, coded: (name: string) => readonly Range[], turns: readonly Range[] = []): Range[] {
  const evaluate = (n: QueryNode) => evaluateCodeQuery(n, coded, turns);
  switch (node.kind) {
    case 'code':
      return normalise(coded(node.name));
    case 'and':
      return intersect(evaluate(node.left), evaluate(node.right));
    case 'or':
      return union(evaluate(node.left), evaluate(node.right));
    case 'not':
      return subtract(evaluate(node.left), evaluate(node.right));
    case 'near': {
      const left = evaluate(node.left);
      const right = evaluate(node.right);
      if (node.distance === 'turn') return union(sameTurn(left, right, turns), sameTurn(right, left, turns));
      return union(near(left, right, node.distance), near(right, left, node.distance));
    }
  }
}
