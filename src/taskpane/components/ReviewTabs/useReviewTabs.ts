import { useId } from '@fluentui/react-components';
import { useMessages } from '../../i18n';
import type { ReviewTabsProps, ReviewTabsState } from './ReviewTabs.types';

export function useReviewTabs(props: ReviewTabsProps): ReviewTabsState {
  const t = useMessages();
  const base = useId('review-tabs-');
  return {
    ...props,
    ids: { review: `${base}-review`, settings: `${base}-settings`, panel: `${base}-panel` },
    onTabSelect: (ev, data) => props.onViewChange(ev, { view: data.value === 'settings' ? 'settings' : 'review' }),
    text: { tabsLabel: t.tabsLabel, tabReview: t.tabReview, tabSettings: t.tabSettings },
  };
}
