import { Button, Caption1, Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { StartPanelState } from './StartPanel.types';
import type { StartPanelStyles } from './useStartPanelStyles.styles';

export function renderStartPanel(state: StartPanelState, styles: StartPanelStyles) {
  const x = state.text;
  return (
    <div className={styles.root}>
      {state.browser && (
        <div className={styles.fileRow}>
          {/* A native file input (keyboard, screen readers, drag and drop) whose label looks like a button. */}
          <input
            id={state.fileInputId}
            className={styles.fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={state.disabled}
            onChange={state.onFileChange}
          />
          <label htmlFor={state.fileInputId} className={state.disabled ? styles.fileLabelDisabled : styles.fileLabel}>
            {x.openWorkbook}
          </label>
          {state.fileStatus !== null && <Caption1 className={styles.fileStatus}>{state.fileStatus}</Caption1>}
        </div>
      )}

      <Field label={x.scopeLabel} hint={x.scopeHint ?? undefined}>
        <RadioGroup value={state.scope} onChange={state.onScopeChange} disabled={state.disabled}>
          <Radio value="active-sheet" label={x.scopeActive} />
          <Radio value="selection" label={x.scopeSelection} disabled={state.browser} />
          <Radio value="all-sheets" label={x.scopeAll} />
        </RadioGroup>
      </Field>

      <Button appearance="primary" className={styles.evaluate} disabled={!state.canEvaluate} onClick={state.onEvaluate}>
        {x.evaluate}
      </Button>
    </div>
  );
}
