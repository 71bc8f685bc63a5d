import { interpolateBlues, scaleSequential } from 'd3';
import type { Ref } from 'react';
import type { CooccurrencePair } from '../../../../shared/model/types';

const CELL = 24;
const LABEL = 190;
const TOP = 150;

/** Codes × codes, each cell coloured by its value; a click opens the passages behind it. */
export function Heatmap(props: {
  svgRef: Ref<SVGSVGElement>;
  title: string;
  rule: string;
  codes: { id: number; name: string }[];
  pairs: CooccurrencePair[];
  measure: 'count' | 'c';
  onPick(pair: CooccurrencePair): void;
}) {
  const byKey = new Map(props.pairs.flatMap((p) => [[`${p.aId}:${p.bId}`, p] as const, [`${p.bId}:${p.aId}`, p] as const]));
  const value = (p: CooccurrencePair) => (props.measure === 'c' ? p.c : p.count);
  const max = Math.max(1e-9, ...props.pairs.map(value));
  const colour = scaleSequential(interpolateBlues).domain([0, max]);
  const size = props.codes.length * CELL;
  // Room on the right for the slanted column labels, and for the title and rule under narrow matrices.
  const width = Math.max(760, LABEL + size + 120);
  const height = TOP + size + 50;
  return (
    <svg ref={props.svgRef} className="heatmap" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title} fontFamily="system-ui, sans-serif">
      <text x={8} y={20} fontSize={15} fontWeight={600} fill="#1f2328">
        {props.title}
      </text>
      <text x={8} y={height - 14} fontSize={10.5} fill="#57606a">
        {props.rule}
      </text>
      {props.codes.map((code, i) => (
        <g key={code.id}>
          <text x={LABEL - 6} y={TOP + i * CELL + CELL / 2 + 4} fontSize={11} textAnchor="end" fill="#1f2328">
            {code.name}
          </text>
          <text transform={`translate(${LABEL + i * CELL + CELL / 2 + 4}, ${TOP - 6}) rotate(-55)`} fontSize={11} fill="#1f2328">
            {code.name}
          </text>
        </g>
      ))}
      {props.codes.map((row, i) =>
        props.codes.map((col, j) => {
          const pair = i === j ? undefined : byKey.get(`${row.id}:${col.id}`);
          const v = pair ? value(pair) : 0;
          return (
            <g key={`${row.id}:${col.id}`} transform={`translate(${LABEL + j * CELL}, ${TOP + i * CELL})`}>
              <rect
                width={CELL - 1}
                height={CELL - 1}
                fill={i === j ? '#eaeef2' : v > 0 ? colour(v) : '#ffffff'}
                stroke="#d0d7de"
                strokeWidth={0.5}
                data-pair={pair ? `${pair.a} + ${pair.b}` : undefined}
                className={pair ? 'cell' : undefined}
                onClick={pair ? () => props.onPick(pair) : undefined}
              >
                {pair && <title>{`${pair.a} + ${pair.b}: ${pair.count} (c = ${pair.c})${pair.uneven ? ' ⚠' : ''}`}</title>}
              </rect>
              {pair && (
                <text x={CELL / 2 - 0.5} y={CELL / 2 + 3.5} fontSize={9.5} textAnchor="middle" fill={v > max * 0.6 ? '#ffffff' : '#1f2328'} pointerEvents="none">
                  {props.measure === 'c' ? pair.c.toFixed(2).replace(/^0/, '') : pair.count}
                </text>
              )}
            </g>
          );
        }),
      )}
    </svg>
  );
}
