import type { StartPanelProps } from './StartPanel.types';
import { renderStartPanel } from './renderStartPanel';
import { useStartPanel } from './useStartPanel';
import { useStartPanelStyles } from './useStartPanelStyles.styles';

/** The detect step: (browser page) open a workbook, choose what to evaluate, and 評価する. */
export const StartPanel = (props: StartPanelProps) => {
  const state = useStartPanel(props);
  const styles = useStartPanelStyles();
  return renderStartPanel(state, styles);
};
