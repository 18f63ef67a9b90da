import { useMessages } from '../../i18n';
import type { WorkProgressProps, WorkProgressState } from './WorkProgress.types';

export function useWorkProgress(props: WorkProgressProps): WorkProgressState {
  const t = useMessages();
  return {
    label: props.label,
    value: props.value === null ? undefined : Math.min(1, Math.max(0, props.value)),
    step: props.step,
    cancelLabel: t.cancel,
    onCancel: props.onCancel,
  };
}
