import { Checkbox, Field } from '@fluentui/react-components';
import type { LossConsentState } from './LossConsent.types';
import type { LossConsentStyles } from './useLossConsentStyles.styles';

export function renderLossConsent(state: LossConsentState, styles: LossConsentStyles) {
  // The warning is the checkbox's description (Field wires aria-describedby): read out when it gets focus.
  return (
    <Field className={styles.root} validationState="warning" validationMessage={state.hint}>
      <Checkbox ref={state.inputRef} label={state.label} checked={state.checked} onChange={state.onChange} />
    </Field>
  );
}
