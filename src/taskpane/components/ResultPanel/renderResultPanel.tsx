import {
  Button,
  Caption1,
  Caption1Strong,
  MessageBar,
  MessageBarBody,
  Subtitle2,
} from '@fluentui/react-components';
import { CategoryBadge } from '../CategoryBadge';
import { ProblemList } from '../ProblemList';
import type { ResultPanelState } from './ResultPanel.types';
import type { ResultPanelStyles } from './useResultPanelStyles.styles';

export function renderResultPanel(state: ResultPanelState, styles: ResultPanelStyles) {
  const x = state.text;
  return (
    <div className={styles.root}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          {state.changed}
          {state.charts !== null && ` ${state.charts}`}
        </MessageBarBody>
      </MessageBar>
      {state.notices.map((n) => (
        <MessageBar key={n} intent="info" layout="multiline">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}

      <div className={styles.actions}>
        {state.onDownload && (
          <div className={styles.action}>
            <Button appearance="primary" disabled={state.disabled} onClick={state.onDownload}>
              {x.download}
            </Button>
            <Caption1 className={styles.hint}>{x.downloadHint}</Caption1>
          </div>
        )}
        <div className={styles.action}>
          <Button disabled={state.disabled} onClick={state.onRestore}>
            {x.restore}
          </Button>
          <Caption1 className={styles.hint}>{x.restoreHint}</Caption1>
        </div>
      </div>

      <section className={styles.block} aria-label={x.countsLabel}>
        <Subtitle2 as="h3" className={styles.heading}>
          {x.countsHeading}
        </Subtitle2>
        <ul className={styles.counts}>
          {state.counts.map((c) => (
            <li key={c.label} className={styles.count}>
              <CategoryBadge label={c.label} style={c.style} />
              <span className={styles.number}>{c.count}</span>
            </li>
          ))}
        </ul>
        <Caption1Strong>{state.total}</Caption1Strong>
        {state.groups.length > 0 && (
          <>
            <Caption1Strong className={styles.subheading}>{x.groupCounts}</Caption1Strong>
            <ul className={styles.plainList}>
              {state.groups.map((g) => (
                <li key={g.key}>
                  <Caption1>{g.text}</Caption1>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className={styles.block} aria-label={state.disagreementsHeading ?? x.noDisagreements}>
        {state.disagreementsHeading !== null ? (
          <>
            <Subtitle2 as="h3" className={styles.heading}>
              {state.disagreementsHeading}
            </Subtitle2>
            <ul className={styles.plainList}>
              {state.disagreements.map((d) => (
                <li key={d.key}>
                  <Caption1 block>{d.kpi}</Caption1>
                  <Caption1 block>{d.text}</Caption1>
                  {d.detail !== '' && <Caption1 className={styles.hint}>{d.detail}</Caption1>}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Caption1>{x.noDisagreements}</Caption1>
        )}
      </section>

      {state.refused.length > 0 && (
        <section className={styles.block} aria-label={x.refusedHeading}>
          <Subtitle2 as="h3" className={styles.heading}>
            {x.refusedHeading}
          </Subtitle2>
          <ProblemList problems={state.refused} label={x.refusedHeading} onSelectRange={state.onSelectRange} />
        </section>
      )}

      <Button appearance="subtle" className={styles.back} disabled={state.disabled} onClick={state.onBack}>
        {x.backToReview}
      </Button>
    </div>
  );
}
