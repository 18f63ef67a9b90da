import { Button, Caption1, Caption1Strong, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { CategoryBadge } from '../CategoryBadge';
import { ProblemList } from '../ProblemList';
import { TrendChart } from '../TrendChart';
import type { KpiDetailsState } from './KpiDetails.types';
import type { KpiDetailsStyles } from './useKpiDetailsStyles.styles';

export function renderKpiDetails(state: KpiDetailsState, styles: KpiDetailsStyles) {
  const x = state.text;
  return (
    <div className={styles.root}>
      <dl className={styles.facts}>
        {state.facts.map((f) => (
          <div key={f.term} className={styles.fact}>
            <dt className={styles.term}>{f.term}</dt>
            <dd className={styles.detail}>{f.detail}</dd>
          </div>
        ))}
      </dl>

      {state.rows.length > 0 && (
        <table className={styles.table}>
          <caption className={styles.caption}>{x.yearsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{x.colYear}</th>
              <th scope="col" className={styles.num}>
                {x.colActual}
              </th>
              <th scope="col" className={styles.num}>
                {x.colBenchmark}
              </th>
              <th scope="col">{x.colCategory}</th>
            </tr>
          </thead>
          <tbody>
            {state.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className={styles.yearCell}>
                  {row.label}
                </th>
                <td className={styles.num}>
                  {row.actual}
                  {row.provisional && <span className={styles.provisional}>{x.provisional}</span>}
                </td>
                <td className={styles.num}>{row.benchmark}</td>
                <td>
                  {row.category !== null ? (
                    <CategoryBadge label={row.category} style={row.style} />
                  ) : (
                    <Caption1 className={styles.muted}>{x.notJudged}</Caption1>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {state.explanations.length > 0 && (
        <section className={styles.block} aria-label={x.explanationsLabel}>
          <Caption1Strong>{x.explanationsLabel}</Caption1Strong>
          <ul className={styles.plainList}>
            {state.explanations.map((e) => (
              <li key={e.key}>
                <Caption1>{e.text}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={styles.block} aria-label={x.trendLabel}>
        <Caption1Strong>{x.trendLabel}</Caption1Strong>
        <TrendChart kpi={state.kpi} />
        {state.trend ? (
          <Caption1>
            {state.trend.text}
            {state.trend.tentative !== null && <span className={styles.tentative}> [{state.trend.tentative}]</span>}
          </Caption1>
        ) : (
          <Caption1 className={styles.muted}>{x.trendNone}</Caption1>
        )}
        {state.chart && (
          <div className={styles.chartAction}>
            <Button
              size="small"
              className={styles.show}
              disabled={state.chart.busy}
              disabledFocusable={state.chart.blocked !== null}
              aria-describedby={state.chart.blocked !== null ? state.chart.descriptionId : undefined}
              onClick={state.chart.onClick}
            >
              {state.chart.label}
            </Button>
            {state.chart.blocked !== null && (
              <Caption1 id={state.chart.descriptionId} className={styles.muted}>
                {state.chart.blocked}
              </Caption1>
            )}
            {state.chart.result && (
              <MessageBar intent={state.chart.result.intent} layout="multiline">
                <MessageBarBody>
                  {state.chart.result.title !== null && <MessageBarTitle>{state.chart.result.title}</MessageBarTitle>}
                  {state.chart.result.lines.map((line) => (
                    <span key={line} className={styles.line}>
                      {line}
                    </span>
                  ))}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
        )}
      </section>

      {state.disagreements.length > 0 && (
        <section className={styles.block} aria-label={x.disagreementsLabel}>
          <Caption1Strong>{x.disagreementsLabel}</Caption1Strong>
          <ul className={styles.plainList}>
            {state.disagreements.map((d) => (
              <li key={d.key}>
                <Caption1 block>{d.text}</Caption1>
                {d.detail !== '' && <Caption1 className={styles.muted}>{d.detail}</Caption1>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {state.problems.length > 0 && (
        <section className={styles.block}>
          <Caption1Strong>{x.kpiProblemsLabel}</Caption1Strong>
          <ProblemList problems={state.problems} label={x.kpiProblemsLabel} onSelectRange={state.onSelectRange} />
        </section>
      )}

      {state.onShowInSheet && (
        <Button size="small" className={styles.show} onClick={state.onShowInSheet}>
          {x.showInSheet}
        </Button>
      )}
    </div>
  );
}
