import { Caption1, Field, Input, Select, Subtitle2, Switch } from '@fluentui/react-components';
import { CategoryBadge } from '../CategoryBadge';
import type { SettingsPanelState } from './SettingsPanel.types';
import type { SettingsPanelStyles } from './useSettingsPanelStyles.styles';

export function renderSettingsPanel(state: SettingsPanelState, styles: SettingsPanelStyles) {
  const x = state.text;
  return (
    <div className={styles.root}>
      <Field label={x.schemeLabel} hint={state.basisText}>
        <Select value={state.schemeValue} onChange={state.onSchemeChange}>
          {state.schemeOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>

      <section className={styles.group} aria-label={x.legendLabel}>
        <Subtitle2 as="h3" className={styles.heading}>
          {x.legendLabel}
        </Subtitle2>
        <ul className={styles.legend}>
          {state.legend.map((c) => (
            <li key={c.label} className={styles.legendItem}>
              <CategoryBadge label={c.label} style={c.style} />
              <Caption1>{c.meaning}</Caption1>
            </li>
          ))}
        </ul>
      </section>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legendTitle}>{x.thresholdsLabel}</legend>
        {state.thresholds.length === 0 && <Caption1>{x.thresholdsNone}</Caption1>}
        {state.thresholds.map((f) => (
          <Field
            key={f.key}
            label={f.fieldLabel}
            validationState={f.error !== null ? 'error' : 'none'}
            validationMessage={f.error ?? undefined}
          >
            <Input
              className={styles.number}
              type="text"
              inputMode="decimal"
              value={f.draft}
              onChange={f.onDraftChange}
              onBlur={f.onCommit}
              onKeyDown={f.onKeyDown}
              contentAfter={<span aria-hidden="true">%</span>}
            />
          </Field>
        ))}
      </fieldset>

      <Field label={x.asOfLabel}>
        <Select value={state.asOfValue} onChange={state.onAsOfChange}>
          {state.asOfOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>

      <Switch label={x.notesLabel} checked={state.notes} onChange={state.onNotesChange} />

      {state.directions.length > 0 && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legendTitle}>{x.directionsHeading}</legend>
          {state.directions.map((k) => (
            <Field key={k.id} label={k.name} className={styles.directionField}>
              <Select value={k.value} onChange={state.onDirectionChange(k.id)}>
                {state.directionOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </fieldset>
      )}

      <Caption1 className={styles.saved}>{x.settingsSaved}</Caption1>
    </div>
  );
}
