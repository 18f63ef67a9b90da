import type { ReviewPanelProps } from './ReviewPanel.types';
import { renderReviewPanel } from './renderReviewPanel';
import { useReviewPanel } from './useReviewPanel';
import { useReviewPanelStyles } from './useReviewPanelStyles.styles';

/**
 * The review step: tables and KPIs found, each KPI a disclosure (its latest category on the header; details
 * inside), then every problem with its cell. In Excel, opening a KPI selects its cells in the sheet.
 */
export const ReviewPanel = (props: ReviewPanelProps) => {
  const state = useReviewPanel(props);
  const styles = useReviewPanelStyles();
  return renderReviewPanel(state, styles);
};
