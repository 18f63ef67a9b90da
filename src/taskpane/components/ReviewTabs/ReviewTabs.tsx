import type { ReviewTabsProps } from './ReviewTabs.types';
import { renderReviewTabs } from './renderReviewTabs';
import { useReviewTabs } from './useReviewTabs';
import { useReviewTabsStyles } from './useReviewTabsStyles.styles';

/** Review and choose, side by side as two tabs: what was found, and the scheme / year / directions used. */
export const ReviewTabs = (props: ReviewTabsProps) => {
  const state = useReviewTabs(props);
  const styles = useReviewTabsStyles();
  return renderReviewTabs(state, styles);
};
