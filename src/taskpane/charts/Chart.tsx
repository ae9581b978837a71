/**
 * One small SVG chart (line, column, stacked column, bar, Pareto) drawn from ChartData. Plain SVG rather than a
 * chart library: the pane's charts are a few dozen marks, and Fluent's theme tokens (CSS variables) colour them,
 * so they follow the light and dark themes with no extra code. The SVG is an image with a title and a description
 * holding the figures (its text alternative); the legend is real text.
 */
import { useId } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ChartData } from './model';

const W = 320;
const H = 170;
const PAD = { top: 10, right: 10, bottom: 28, left: 40 };

export const SERIES_COLORS = [
  tokens.colorBrandForeground1,
  tokens.colorPaletteDarkOrangeForeground1,
  tokens.colorPaletteGreenForeground1,
  tokens.colorPaletteBerryForeground1,
  tokens.colorPaletteMarigoldForeground1,
  tokens.colorPaletteLightGreenForeground1,
];

const useStyles = makeStyles({
  figure: { margin: 0, maxWidth: '420px' },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, marginBottom: '2px' },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: '12px', fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground2 },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px', verticalAlign: 'middle' },
});

function niceMax(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

function short(label: string, max: number): string {
  return [...label].length > max ? `${[...label].slice(0, max - 1).join('')}…` : label;
}

const axisText = { fill: tokens.colorNeutralForeground2, fontSize: 9, fontFamily: tokens.fontFamilyBase } as const;

function Axes({ max, percentRight }: { max: number; percentRight?: boolean }): JSX.Element {
  const ys = [0, 0.5, 1];
  const plotH = H - PAD.top - PAD.bottom;
  return (
    <g aria-hidden="true">
      {ys.map((f) => {
        const y = PAD.top + plotH * (1 - f);
        return (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} stroke={tokens.colorNeutralStroke2} strokeWidth={f === 0 ? 1 : 0.5} />
            <text x={PAD.left - 4} y={y + 3} textAnchor="end" {...axisText}>
              {(max * f).toLocaleString(undefined, { maximumFractionDigits: 1 })}
            </text>
            {percentRight && (
              <text x={W - PAD.right + 2} y={y + 3} {...axisText}>
                {Math.round(f * 100)}%
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

function LinePlot({ data }: { data: ChartData }): JSX.Element {
  const n = data.categories.length;
  const max = niceMax(Math.max(0, ...data.series.flatMap((s) => s.values)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number) => PAD.top + plotH * (1 - v / max);
  // First, middle and last day; with two days the middle is the first (one label each).
  const ticks = [...new Set([0, Math.floor((Math.max(n, 1) - 1) / 2), Math.max(n, 1) - 1])];
  return (
    <>
      <Axes max={max} />
      {data.series.map((s, k) => (
        <polyline
          key={s.label}
          fill="none"
          stroke={SERIES_COLORS[k % SERIES_COLORS.length]}
          strokeWidth={2}
          points={s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
          data-series={s.label}
        />
      ))}
      <g aria-hidden="true">
        {ticks.map((i) => (
          <text key={i} x={x(i)} y={H - PAD.bottom + 12} textAnchor={i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'} {...axisText}>
            {(data.categories[i] ?? '').slice(5)}
          </text>
        ))}
      </g>
    </>
  );
}

function ColumnPlot({ data, stacked }: { data: ChartData; stacked: boolean }): JSX.Element {
  const n = Math.max(1, data.categories.length);
  const totals = data.categories.map((_, i) => data.series.reduce((a, s) => a + s.values[i], 0));
  const max = niceMax(stacked ? Math.max(0, ...totals) : Math.max(0, ...data.series.flatMap((s) => s.values)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const band = plotW / n;
  const inner = band * 0.7;
  const per = stacked ? inner : inner / Math.max(1, data.series.length);
  return (
    <>
      <Axes max={max} />
      {data.categories.map((c, i) => {
        let base = 0;
        return (
          <g key={i}>
            {data.series.map((s, k) => {
              const v = s.values[i];
              const h = (plotH * v) / max;
              const x0 = PAD.left + band * i + (band - inner) / 2 + (stacked ? 0 : per * k);
              const y0 = PAD.top + plotH - h - (stacked ? (plotH * base) / max : 0);
              base += stacked ? v : 0;
              return (
                <rect key={k} x={x0} y={y0} width={Math.max(1, per - 1)} height={Math.max(0, h)} fill={SERIES_COLORS[k % SERIES_COLORS.length]} data-value={v}>
                  <title>{`${c} · ${s.label}: ${v.toLocaleString()}`}</title>
                </rect>
              );
            })}
            <text x={PAD.left + band * i + band / 2} y={H - PAD.bottom + 12} textAnchor="middle" aria-hidden="true" {...axisText}>
              {short(c, Math.max(2, Math.floor(band / 9)))}
            </text>
          </g>
        );
      })}
    </>
  );
}

function BarPlot({ data, pareto }: { data: ChartData; pareto: boolean }): JSX.Element {
  const labelW = 70;
  const right = pareto ? 34 : 40;
  const rowH = 16;
  const values = data.series[0]?.values ?? [];
  const max = Math.max(1, ...values);
  const plotW = W - labelW - right;
  const cum = data.cumulative ?? [];
  return (
    <>
      {data.categories.map((c, i) => {
        const v = values[i] ?? 0;
        const w = (plotW * v) / max;
        const y = PAD.top + i * rowH;
        return (
          <g key={i}>
            <text x={labelW - 4} y={y + 11} textAnchor="end" aria-hidden="true" {...axisText}>
              {short(c, 7)}
            </text>
            <rect x={labelW} y={y + 2} width={Math.max(1, w)} height={rowH - 5} fill={SERIES_COLORS[0]} data-value={v}>
              <title>{`${c}: ${v.toLocaleString()}`}</title>
            </rect>
            <text x={labelW + w + 3} y={y + 11} aria-hidden="true" {...axisText}>
              {v.toLocaleString(undefined, { maximumFractionDigits: 0 })}
            </text>
          </g>
        );
      })}
      {pareto && cum.length > 0 && (
        <g aria-hidden="true">
          <polyline
            fill="none"
            stroke={SERIES_COLORS[1]}
            strokeWidth={1.5}
            points={cum.map((f, i) => `${(labelW + plotW * f).toFixed(1)},${(PAD.top + i * rowH + rowH / 2).toFixed(1)}`).join(' ')}
            data-series="cumulative"
          />
          {cum.map((f, i) => (
            <text key={i} x={W - 2} y={PAD.top + i * rowH + 11} textAnchor="end" {...axisText}>
              {Math.round(f * 100)}%
            </text>
          ))}
        </g>
      )}
    </>
  );
}

function barHeight(data: ChartData): number {
  return PAD.top + Math.max(1, data.categories.length) * 16 + 6;
}

export interface ChartProps {
  data: ChartData;
  /** Extra legend entry for the Pareto's cumulative line. */
  cumulativeLabel?: string;
  emptyText: string;
}

export default function Chart({ data, cumulativeLabel, emptyText }: ChartProps): JSX.Element {
  const styles = useStyles();
  const titleId = useId();
  const descId = useId();
  const horizontal = data.kind === 'bar' || data.kind === 'pareto';
  const height = horizontal ? barHeight(data) : H;
  const empty = data.categories.length === 0;
  return (
    <figure className={styles.figure} data-testid="chart" data-kind={data.kind} data-points={data.categories.length}>
      <div className={styles.caption} aria-hidden="true">
        {data.title}
      </div>
      {empty ? (
        <div role="img" aria-label={`${data.title}: ${emptyText}`} className={styles.legend}>
          {emptyText}
        </div>
      ) : (
        <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`} focusable="false">
          <title id={titleId}>{data.title}</title>
          <desc id={descId}>{data.alt}</desc>
          {data.kind === 'line' && <LinePlot data={data} />}
          {(data.kind === 'column' || data.kind === 'stackedColumn') && <ColumnPlot data={data} stacked={data.kind === 'stackedColumn'} />}
          {horizontal && <BarPlot data={data} pareto={data.kind === 'pareto'} />}
        </svg>
      )}
      {!empty && (
        <div className={styles.legend} aria-hidden="true">
          {data.series.map((s, k) => (
            <span key={s.label}>
              <span className={styles.swatch} style={{ background: SERIES_COLORS[k % SERIES_COLORS.length] }} />
              {s.label}
            </span>
          ))}
          {data.kind === 'pareto' && cumulativeLabel && (
            <span>
              <span className={styles.swatch} style={{ background: SERIES_COLORS[1] }} />
              {cumulativeLabel}
            </span>
          )}
        </div>
      )}
    </figure>
  );
}
