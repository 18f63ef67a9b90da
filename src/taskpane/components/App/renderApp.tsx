import {
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
} from '@fluentui/react-components';
import { Suspense } from 'react';
import { LazyResultPanel, LazyReviewTabs } from '../lazyPanels';
import { LossConsent } from '../LossConsent';
import { StartPanel } from '../StartPanel';
import { WorkProgress } from '../WorkProgress';
import type { AppState, Failure } from './App.types';
import type { AppStyles } from './useAppStyles.styles';

function failureTitle(state: AppState, failure: Failure): string {
  const t = state.t;
  switch (failure.task) {
    case 'open':
      return t.openFailed;
    case 'read':
      return t.readFailed;
    case 'evaluate':
      return t.evaluateFailed;
    case 'write':
      return t.writeFailed;
    case 'restore':
      return t.restoreFailed;
    case 'download':
      return t.downloadFailed;
    case 'chart':
      return t.chartFailed;
    default:
      return t.selectFailed;
  }
}

/** JSX only: everything it shows comes from `state`. */
export function renderApp(state: AppState, styles: AppStyles) {
  const t = state.t;
  const { review, result, restored, failure } = state;
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-64.png" alt="" width={32} height={32} />
        <div>
          <Title3 as="h1" block className={styles.title}>
            {t.appTitle}
          </Title3>
          <Caption1 block className={styles.subtitle}>
            {t.appSubtitle}
          </Caption1>
        </div>
      </header>

      {state.startupProblem !== null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.startupProblem(state.startupProblem)}</MessageBarBody>
        </MessageBar>
      )}
      {state.hostKind === 'browser' && state.phase === 'start' && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.browserMode}</MessageBarBody>
        </MessageBar>
      )}

      {state.unsavable && (
        <MessageBar intent="warning" layout="multiline" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>{state.unsavable.title}</MessageBarTitle>
            <span className={styles.line}>{state.unsavable.text}</span>
          </MessageBarBody>
        </MessageBar>
      )}

      <StartPanel {...state.start} />

      {state.progress && <WorkProgress {...state.progress} />}

      {failure && (
        <MessageBar intent="error" layout="multiline" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>{failureTitle(state, failure)}</MessageBarTitle>
            {failure.detail !== '' && <span className={styles.detail}>{failure.detail}</span>}
            {failure.lines?.map((line) => (
              <span key={line} className={styles.line}>
                {line}
              </span>
            ))}
            <span className={styles.line}>{failure.consequence}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.notice !== null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}

      {review && (
        <section className={styles.step} aria-labelledby="shinchoku-review-heading">
          <h2 id="shinchoku-review-heading" ref={state.headingRef} tabIndex={-1} className={styles.heading}>
            {t.reviewHeading}
          </h2>
          <Suspense fallback={<Spinner size="small" />}>
            <LazyReviewTabs
              view={review.view}
              onViewChange={review.onViewChange}
              result={review.evaluated.result}
              choices={review.evaluated.choices}
              presets={review.presets}
              ownScheme={review.evaluated.ownScheme}
              categories={review.evaluated.categories}
              thresholdError={review.thresholdError}
              onSettingsChange={review.onSettingsChange}
              onSelectRange={review.onSelectRange}
              kpiChart={review.kpiChart}
            />
          </Suspense>

          {review.onRestore && (
            <div className={styles.restoreBox}>
              <Caption1>{review.restoreText}</Caption1>
              {review.restoreConsent && <LossConsent {...review.restoreConsent} />}
              <Button size="small" className={styles.start} disabled={state.progress !== null} onClick={review.onRestore}>
                {t.restore}
              </Button>
            </div>
          )}

          <div className={styles.writeBox}>
            <Caption1>{review.writeSummary}</Caption1>
            {review.refused !== null && <Caption1 className={styles.warning}>{review.refused}</Caption1>}
            {review.overwrite && (
              <Checkbox label={review.overwrite.label} checked={review.overwrite.checked} onChange={review.overwrite.onChange} />
            )}
            {review.chartsNote !== null && <Caption1>{review.chartsNote}</Caption1>}
            {review.writeConsent && <LossConsent {...review.writeConsent} />}
          </div>
          <div className={styles.stickyAction}>
            <Button appearance="primary" disabled={!review.canWrite} onClick={review.onWrite}>
              {t.writeResults}
            </Button>
          </div>
        </section>
      )}

      {result && (
        <section className={styles.step} aria-labelledby="shinchoku-result-heading">
          <h2 id="shinchoku-result-heading" ref={state.headingRef} tabIndex={-1} className={styles.heading}>
            {t.resultHeading}
          </h2>
          <Suspense fallback={<Spinner size="small" />}>
            <LazyResultPanel {...result} />
          </Suspense>
        </section>
      )}

      {restored && (
        <section className={styles.step} aria-labelledby="shinchoku-restored-heading">
          <h2 id="shinchoku-restored-heading" ref={state.headingRef} tabIndex={-1} className={styles.restored}>
            {restored.text}
          </h2>
          {restored.notice !== null && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{restored.notice}</MessageBarBody>
            </MessageBar>
          )}
          {restored.onDownload && (
            <Button appearance="primary" className={styles.start} disabled={state.progress !== null} onClick={restored.onDownload}>
              {t.download}
            </Button>
          )}
        </section>
      )}
    </main>
  );
}
