import { Body1, Button, Caption1, ProgressBar } from '@fluentui/react-components';
import type { WorkProgressState } from './WorkProgress.types';
import type { WorkProgressStyles } from './useWorkProgressStyles.styles';

export function renderWorkProgress(state: WorkProgressState, styles: WorkProgressStyles) {
  return (
    <div className={styles.root}>
      <div className={styles.line} role="status">
        <Body1>{state.label}</Body1>
        {state.step !== null && <Caption1 className={styles.step}>{state.step}</Caption1>}
      </div>
      <ProgressBar value={state.value} thickness="large" aria-label={state.label} />
      {state.onCancel && (
        <Button size="small" className={styles.cancel} onClick={state.onCancel}>
          {state.cancelLabel}
        </Button>
      )}
    </div>
  );
}
