import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
} from '@fluentui/react-components';
import { KpiList } from '../KpiList';
import type { AppState } from './App.types';
import type { AppStyles } from './useAppStyles.styles';

/** JSX only: everything it shows comes from `state`. */
export function renderApp(state: AppState, styles: AppStyles) {
  const t = state.messages;
  const { status } = state;
  const reading = status.kind === 'reading';
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

      {state.hostKind === 'browser' ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.browserMode}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={state.onScan} disabled={reading}>
            {t.scanSheet}
          </Button>
          {reading && <Spinner size="tiny" label={t.scanning} />}
        </div>
      )}

      {status.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{status.stage === 'read' ? t.readFailed : t.detectFailed}</MessageBarTitle>
            {status.detail} {t.workbookUnchanged}
          </MessageBarBody>
        </MessageBar>
      )}

      {status.kind === 'done' && (
        <section className={styles.summary} aria-label={t.kpiListLabel}>
          <Body1 role="status">
            {status.detection.kpis.length > 0
              ? t.kpisFound(status.detection.kpis.length, status.sheet)
              : t.noKpis(status.sheet)}
          </Body1>
          {status.detection.problems.length > 0 && (
            <Caption1>{t.problemsFound(status.detection.problems.length)}</Caption1>
          )}
          {status.detection.kpis.length > 0 && <KpiList kpis={status.detection.kpis} />}
        </section>
      )}
    </main>
  );
}
