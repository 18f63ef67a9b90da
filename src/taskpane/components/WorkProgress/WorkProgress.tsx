import { renderWorkProgress } from './renderWorkProgress';
import type { WorkProgressProps } from './WorkProgress.types';
import { useWorkProgress } from './useWorkProgress';
import { useWorkProgressStyles } from './useWorkProgressStyles.styles';

/** Long work under way: what is done, a progress bar, and a cancel button when the work can stop. */
export const WorkProgress = (props: WorkProgressProps) => {
  const state = useWorkProgress(props);
  const styles = useWorkProgressStyles();
  return renderWorkProgress(state, styles);
};
