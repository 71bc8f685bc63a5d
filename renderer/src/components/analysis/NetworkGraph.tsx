import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3';
import { useMemo, useRef, useState, type PointerEvent, type Ref } from 'react';
import type { CooccurrencePair } from '../../../../shared/model/types';

const WIDTH = 760;
const HEIGHT = 540;

interface Node extends SimulationNodeDatum {
  id: number;
  name: string;
  color: string;
  weight: number;
}

/** Codes as nodes sized by frequency, co-occurrences as edges by strength; drag a node to arrange, click an edge for its passages. */
export function NetworkGraph(props: {
  svgRef: Ref<SVGSVGElement>;
  title: string;
  rule: string;
  codes: { id: number; name: string; color: string; frequency: number }[];
  pairs: CooccurrencePair[];
  measure: 'count' | 'c';
  onPick(pair: CooccurrencePair): void;
}) {
  const value = (p: CooccurrencePair) => (props.measure === 'c' ? p.c : p.count);
  const maxValue = Math.max(1e-9, ...props.pairs.map(value));
  const maxFrequency = Math.max(1, ...props.codes.map((c) => c.frequency));
  // The layout runs to rest once per data change (deterministic, no animation); dragging then moves nodes by hand.
  const initial = useMemo(() => {
    const nodes: Node[] = props.codes.map((c) => ({ id: c.id, name: c.name, color: c.color, weight: c.frequency }));
    const links: (SimulationLinkDatum<Node> & { strength: number })[] = props.pairs.map((p) => ({ source: p.aId, target: p.bId, strength: value(p) / maxValue }));
    // Strong pairs pull close, weak ones barely: a dense graph still spreads out.
    const simulation = forceSimulation(nodes)
      .force(
        'link',
        forceLink<Node, SimulationLinkDatum<Node> & { strength: number }>(links)
          .id((n) => n.id)
          .distance((l) => 200 - 120 * l.strength)
          .strength((l) => 0.05 + 0.5 * l.strength),
      )
      .force('charge', forceManyBody().strength(-600))
      .force('collide', forceCollide(48))
      .force('center', forceCenter(WIDTH / 2, HEIGHT / 2 + 10))
      .stop();
    simulation.tick(300);
    return new Map(nodes.map((n) => [n.id, { x: Math.max(40, Math.min(WIDTH - 40, n.x ?? 0)), y: Math.max(50, Math.min(HEIGHT - 40, n.y ?? 0)) }]));
    // `value` and `maxValue` follow from props.pairs and props.measure.
  }, [props.codes, props.pairs, props.measure]);
  const [moved, setMoved] = useState(new Map<number, { x: number; y: number }>());
  const dragging = useRef<number | null>(null);
  const at = (id: number) => moved.get(id) ?? initial.get(id) ?? { x: 0, y: 0 };

  const onMove = (event: PointerEvent<SVGSVGElement>) => {
    if (dragging.current === null) return;
    const box = event.currentTarget.getBoundingClientRect();
    const id = dragging.current;
    setMoved((m) => new Map(m).set(id, { x: ((event.clientX - box.left) / box.width) * WIDTH, y: ((event.clientY - box.top) / box.height) * HEIGHT }));
  };

  return (
    <svg
      ref={props.svgRef}
      className="network"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={props.title}
      fontFamily="system-ui, sans-serif"
      onPointerMove={onMove}
      onPointerUp={() => (dragging.current = null)}
      onPointerLeave={() => (dragging.current = null)}
    >
      <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
      <text x={8} y={20} fontSize={15} fontWeight={600} fill="#1f2328">
        {props.title}
      </text>
      <text x={8} y={HEIGHT - 10} fontSize={10.5} fill="#57606a">
        {props.rule}
      </text>
      {props.pairs.map((pair) => {
        const a = at(pair.aId);
        const b = at(pair.bId);
        const width = 1 + (7 * value(pair)) / maxValue;
        return (
          <g key={`${pair.aId}:${pair.bId}`} className="edge" data-pair={`${pair.a} + ${pair.b}`} onClick={() => props.onPick(pair)}>
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#8c959f" strokeOpacity={0.75} strokeWidth={width} />
            {/* A wide invisible line makes thin edges easy to click. */}
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="transparent" strokeWidth={12}>
              <title>{`${pair.a} + ${pair.b}: ${pair.count} (c = ${pair.c})`}</title>
            </line>
          </g>
        );
      })}
      {props.codes.map((code) => {
        const { x, y } = at(code.id);
        const r = 7 + 16 * Math.sqrt(code.frequency / maxFrequency);
        return (
          <g key={code.id} className="node" data-code={code.name} transform={`translate(${x}, ${y})`} onPointerDown={() => (dragging.current = code.id)}>
            <circle r={r} fill={code.color} fillOpacity={0.85} stroke="#ffffff" strokeWidth={1.5}>
              <title>{`${code.name}: ${code.frequency}`}</title>
            </circle>
            <text y={r + 12} fontSize={11} textAnchor="middle" fill="#1f2328">
              {code.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
