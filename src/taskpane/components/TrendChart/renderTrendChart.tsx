import { Caption1 } from '@fluentui/react-components';
import { CHART, pathOf } from './chartModel';
import type { TrendChartState } from './TrendChart.types';
import type { TrendChartStyles } from './useTrendChartStyles.styles';

/** Colours of the Okabe–Ito palette; each series also differs by line style (solid, dashed, dotted). */
const COLOR = { actual: '#0072B2', benchmark: '#6B6B6B', trend: '#D55E00', target: '#000000' };

export function renderTrendChart(state: TrendChartState, styles: TrendChartStyles) {
  const m = state.model;
  if (!m) return <Caption1 className={styles.none}>{state.noChart}</Caption1>;
  const bottom = CHART.height - CHART.bottom;
  return (
    <figure className={styles.root}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-labelledby={state.titleId}
        aria-describedby={state.descriptionId}
      >
        <title id={state.titleId}>{state.title}</title>
        <desc id={state.descriptionId}>{state.description}</desc>
        {m.yTicks.map((tick) => (
          <g key={`y${tick.y}`}>
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={tick.y} y2={tick.y} stroke="#E0E0E0" strokeWidth={1} />
            <text x={CHART.left - 4} y={tick.y + 3.5} textAnchor="end" className={styles.axisText}>
              {state.yLabel(tick.value)}
            </text>
          </g>
        ))}
        <line x1={CHART.left} x2={CHART.width - CHART.right} y1={bottom} y2={bottom} stroke="#8A8A8A" strokeWidth={1} />
        {m.xTicks.map((tick) => (
          <text key={`x${tick.x}`} x={tick.x} y={CHART.height - 6} textAnchor="middle" className={styles.axisText}>
            {tick.label}
          </text>
        ))}
        {m.benchmark.length > 1 && (
          <path d={pathOf(m.benchmark)} fill="none" stroke={COLOR.benchmark} strokeWidth={1.5} strokeDasharray="5 3" />
        )}
        {m.benchmark.map((p) => (
          <rect key={`b${p.year}`} x={p.cx - 2.5} y={p.cy - 2.5} width={5} height={5} fill={COLOR.benchmark} />
        ))}
        {m.trend && (
          <path d={pathOf(m.trend)} fill="none" stroke={COLOR.trend} strokeWidth={1.5} strokeDasharray="1.5 3" strokeLinecap="round" />
        )}
        {m.actual.length > 1 && <path d={pathOf(m.actual)} fill="none" stroke={COLOR.actual} strokeWidth={2} />}
        {m.actual.map((p) => (
          <circle key={`a${p.year}`} cx={p.cx} cy={p.cy} r={3} fill={COLOR.actual} />
        ))}
        {m.target && (
          <path
            d={`M${m.target.cx} ${m.target.cy - 5} L${m.target.cx + 5} ${m.target.cy} L${m.target.cx} ${m.target.cy + 5} L${m.target.cx - 5} ${m.target.cy} Z`}
            fill="#FFFFFF"
            stroke={COLOR.target}
            strokeWidth={1.5}
          />
        )}
      </svg>
      <figcaption className={styles.legend} aria-hidden="true">
        <span className={styles.key}>
          <svg width="22" height="8" className={styles.swatch}>
            <line x1="1" x2="21" y1="4" y2="4" stroke={COLOR.actual} strokeWidth={2} />
            <circle cx="11" cy="4" r="3" fill={COLOR.actual} />
          </svg>
          {state.legend.actual}
        </span>
        <span className={styles.key}>
          <svg width="22" height="8" className={styles.swatch}>
            <line x1="1" x2="21" y1="4" y2="4" stroke={COLOR.benchmark} strokeWidth={1.5} strokeDasharray="5 3" />
          </svg>
          {state.legend.benchmark}
        </span>
        <span className={styles.key}>
          <svg width="22" height="8" className={styles.swatch}>
            <line x1="2" x2="20" y1="4" y2="4" stroke={COLOR.trend} strokeWidth={1.5} strokeDasharray="1.5 3" strokeLinecap="round" />
          </svg>
          {state.legend.trend}
        </span>
        {m.target && (
          <span className={styles.key}>
            <svg width="12" height="12" className={styles.swatch}>
              <path d="M6 1 L11 6 L6 11 L1 6 Z" fill="#FFFFFF" stroke={COLOR.target} strokeWidth={1.5} />
            </svg>
            {state.legend.target}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
