import { useMessages } from '../../i18n';
import type { LossConsentProps, LossConsentState } from './LossConsent.types';

export function useLossConsent(props: LossConsentProps): LossConsentState {
  const t = useMessages();
  const write = props.action === 'write';
  return {
    label: write ? t.lossAcceptWrite : t.lossAcceptRestore,
    hint: t.lossConsentHint(props.list, write ? t.writeResults : t.restore),
    checked: props.checked,
    onChange: (ev, data) => props.onChange(ev, { checked: data.checked === true }),
    inputRef: props.inputRef,
  };
}
