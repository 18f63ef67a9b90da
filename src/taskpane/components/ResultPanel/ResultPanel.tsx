import type { ResultPanelProps } from './ResultPanel.types';
import { renderResultPanel } from './renderResultPanel';
import { useResultPanel } from './useResultPanel';
import { useResultPanelStyles } from './useResultPanelStyles.styles';

/**
 * The result step: what changed (cells, summary sheet, charts), counts per category, the audit's
 * disagreements with their numbers, cells left alone; download (browser page) and 元に戻す.
 */
export const ResultPanel = (props: ResultPanelProps) => {
  const state = useResultPanel(props);
  const styles = useResultPanelStyles();
  return renderResultPanel(state, styles);
};
