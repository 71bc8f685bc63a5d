import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixOrder } from '../../../../shared/analysis/matrixOrder';
import { orderCodes } from '../../../../shared/analysis/matrixOrder';
import { chartCodeLimit, strongestCodes, strongestPairs, tableRowLimit } from '../../../../shared/analysis/chartSubset';
import { comparePairs } from '../../../../shared/analysis/compare';
import type { CooccurrencePair } from '../../../../shared/model/types';
import { useRead } from '../../api/queries';
import { downloadPng, downloadSvg } from '../../app/chartExport';
import { useNotices } from '../../app/notices';
import { useWorkspaceCommands } from '../../app/workspace';
import { PassageList } from '../AnalysisPanel';
import { Heatmap } from './Heatmap';
import { NetworkGraph } from './NetworkGraph';
import { SubsetPicker } from './SubsetPicker';

type RuleKind = 'overlap' | 'near' | 'turn' | 'document' | 'case';
const ruleKinds: RuleKind[] = ['overlap', 'near', 'turn', 'document', 'case'];

/** The co-occurrence of codes under a chosen rule and subset, as heatmap, network or table; each cell opens its passages. */
export function CooccurrenceView() {
  const { t } = useTranslation();
  const { fail } = useNotices();
  const { openPassage } = useWorkspaceCommands();
  const [kind, setKind] = useState<RuleKind>('overlap');
  const [distance, setDistance] = useState(100);
  const [measure, setMeasure] = useState<'count' | 'c'>('count');
  const [view, setView] = useState<'heatmap' | 'network' | 'table'>('heatmap');
  const [order, setOrder] = useState<MatrixOrder>('cluster');
  const [subset, setSubset] = useState<{ name: string; value: string } | null>(null);
  const [picked, setPicked] = useState<CooccurrencePair | null>(null);
  const [compareWith, setCompareWith] = useState<{ name: string; value: string } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  const rule = kind === 'near' ? `near:${distance}` : kind;
  const where = subset ? { [subset.name]: subset.value } : undefined;
  const pairs = useRead('analysis.cooccurrence', { rule, where });
  const codes = useRead('codes.list', {});
  const frequencies = useRead('analysis.frequencies', { where });
  const compared = useRead('analysis.cooccurrence', { rule, where: compareWith ? { [compareWith.name]: compareWith.value } : undefined }, { enabled: compareWith !== null });
  const passages = useRead('analysis.pairPassages', { aId: picked?.aId ?? 0, bId: picked?.bId ?? 0, rule, where }, { enabled: picked !== null });

  const ruleText = t(`cooccurrence.rules.${kind}`, { distance });
  const title = t('charts.cooccurrenceTitle', { subset: subset ? `${subset.name} = ${subset.value}` : t('charts.allCases') });
  // A large codebook's charts show the codes that co-occur most, its tables the strongest pairs.
  const shown = useMemo(() => {
    const value = (p: CooccurrencePair) => (measure === 'c' ? p.c : p.count);
    return { ...strongestCodes(pairs.data ?? [], value), rows: strongestPairs(pairs.data ?? [], value) };
  }, [pairs.data, measure]);
  const involved = useMemo(() => {
    const names = new Map((codes.data ?? []).map((c) => [c.id, c.name]));
    const ordered = orderCodes(shown.codeIds, names, shown.pairs.map((p) => ({ aId: p.aId, bId: p.bId, value: measure === 'c' ? p.c : p.count })), order);
    const frequency = new Map((frequencies.data?.codes ?? []).map((f) => [f.codeId, f.codings]));
    const colour = new Map((codes.data ?? []).map((c) => [c.id, c.color]));
    return ordered.map((id) => ({ id, name: names.get(id) ?? '', color: colour.get(id) ?? '#888', frequency: frequency.get(id) ?? 0 }));
  }, [shown, codes.data, frequencies.data, measure, order]);
  const chartNote = shown.codeCount > chartCodeLimit ? t('charts.codesCapped', { shown: chartCodeLimit, total: shown.codeCount }) : '';
  const chartRule = chartNote ? `${ruleText} ${chartNote}` : ruleText;
  const comparison = useMemo(() => {
    const rows = pairs.data && compared.data ? comparePairs(pairs.data, compared.data) : [];
    return { rows: rows.slice(0, tableRowLimit), total: rows.length };
  }, [pairs.data, compared.data]);
  const fileName = `tematik-${view}-${rule.replace(':', '-')}${subset ? `-${subset.value}` : ''}`.replace(/\s+/g, '-').toLowerCase();

  return (
    <section className="chart-view" aria-label={t('charts.cooccurrence')}>
      <div className="chart-controls">
        <label>
          {t('charts.rule')}
          <select value={kind} onChange={(e) => setKind(e.target.value as RuleKind)}>
            {ruleKinds.map((k) => (
              <option key={k} value={k}>
                {t(`charts.rules.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'near' && (
          <label>
            {t('charts.distance')}
            <input type="number" min={0} max={100000} value={distance} onChange={(e) => setDistance(Math.max(0, Number(e.target.value) || 0))} />
          </label>
        )}
        <SubsetPicker value={subset} onChange={setSubset} />
        <SubsetPicker value={compareWith} onChange={setCompareWith} label={t('charts.compareWith')} />
        <label>
          {t('charts.measure')}
          <select value={measure} onChange={(e) => setMeasure(e.target.value as 'count' | 'c')}>
            <option value="count">{t('charts.count')}</option>
            <option value="c">{t('charts.cCoefficient')}</option>
          </select>
        </label>
        <div className="segmented" role="group" aria-label={t('charts.view')}>
          {(['heatmap', 'network', 'table'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`charts.${v}`)}
            </button>
          ))}
        </div>
        {view === 'heatmap' && (
          <label>
            {t('charts.order')}
            <select value={order} onChange={(e) => setOrder(e.target.value as MatrixOrder)}>
              <option value="cluster">{t('charts.orderCluster')}</option>
              <option value="frequency">{t('charts.orderFrequency')}</option>
              <option value="name">{t('charts.orderName')}</option>
            </select>
          </label>
        )}
        {view !== 'table' && (
          <span className="chart-export">
            <button type="button" onClick={() => svgRef.current && downloadSvg(svgRef.current, `${fileName}.svg`)}>
              {t('charts.exportSvg')}
            </button>
            <button type="button" onClick={() => svgRef.current && downloadPng(svgRef.current, `${fileName}.png`).catch(fail)}>
              {t('charts.exportPng')}
            </button>
          </span>
        )}
      </div>
      <p className="rule">{ruleText}</p>
      {pairs.data?.length === 0 && <p className="hint">{t('cooccurrence.empty')}</p>}
      {pairs.data && pairs.data.length > 0 && (
        <div className="chart-area">
          {view !== 'table' && chartNote && <p className="hint">{chartNote}</p>}
          {view === 'heatmap' && <Heatmap svgRef={svgRef} title={title} rule={chartRule} codes={involved} pairs={shown.pairs} measure={measure} onPick={setPicked} />}
          {view === 'network' && <NetworkGraph svgRef={svgRef} title={title} rule={chartRule} codes={involved} pairs={shown.pairs} measure={measure} onPick={setPicked} />}
          {view === 'table' && pairs.data.length > tableRowLimit && <p className="hint">{t('charts.pairsCapped', { shown: tableRowLimit, total: pairs.data.length })}</p>}
          {view === 'table' && (
            <table className="pairs">
              <thead>
                <tr>
                  <th>{t('cooccurrence.codeA')}</th>
                  <th>{t('cooccurrence.codeB')}</th>
                  <th className="num">{t('charts.count')}</th>
                  <th className="num">c</th>
                  <th className="num">n1</th>
                  <th className="num">n2</th>
                </tr>
              </thead>
              <tbody>
                {shown.rows.map((p) => (
                  <tr key={`${p.aId}:${p.bId}`} data-pair={`${p.a} + ${p.b}`} onClick={() => setPicked(p)} className="clickable">
                    <td>{p.a}</td>
                    <td>{p.b}</td>
                    <td className="num">{p.count}</td>
                    <td className="num">
                      {p.c}
                      {p.uneven && (
                        <span className="warn" title={t('charts.uneven')}>
                          {' '}
                          ⚠
                        </span>
                      )}
                    </td>
                    <td className="num">{p.n1}</td>
                    <td className="num">{p.n2}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {compareWith && comparison.total > tableRowLimit && <p className="hint">{t('charts.pairsCapped', { shown: tableRowLimit, total: comparison.total })}</p>}
      {compareWith && pairs.data && compared.data && (
        <table className="comparison">
          <caption>{t('charts.comparisonTitle', { first: subset ? `${subset.name} = ${subset.value}` : t('charts.allCases'), second: `${compareWith.name} = ${compareWith.value}` })}</caption>
          <thead>
            <tr>
              <th>{t('cooccurrence.codeA')}</th>
              <th>{t('cooccurrence.codeB')}</th>
              <th className="num">{subset ? subset.value : t('charts.allCases')}</th>
              <th className="num">{compareWith.value}</th>
              <th className="num">{t('charts.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => {
              const valueOf = (v: { count: number; c: number }) => (measure === 'c' ? v.c : v.count);
              const difference = valueOf(row.difference);
              return (
                <tr key={`${row.aId}:${row.bId}`} data-pair={`${row.a} + ${row.b}`}>
                  <td>{row.a}</td>
                  <td>{row.b}</td>
                  <td className="num">{valueOf(row.first)}</td>
                  <td className="num">{valueOf(row.second)}</td>
                  <td className={difference > 0 ? 'num more' : difference < 0 ? 'num less' : 'num'}>{difference > 0 ? `+${difference}` : difference}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {picked && (
        <section className="pair-passages" aria-label={t('charts.passagesOf', { a: picked.a, b: picked.b })}>
          <h3>
            {t('charts.passagesOf', { a: picked.a, b: picked.b })} ({passages.data?.length ?? '…'})
          </h3>
          {picked.uneven && <p className="hint warn">{t('charts.uneven')}</p>}
          <PassageList
            items={(passages.data ?? []).map((p) => ({
              key: String(p.codingId),
              source: `${p.code} · ${p.document} · ${p.start}–${p.end}`,
              document: p.document,
              body: <span className="context">{p.text}</span>,
              open: () => openPassage(p.documentId, p.start, p.end),
            }))}
          />
        </section>
      )}
    </section>
  );
}
