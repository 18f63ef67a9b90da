export { ReviewTabs } from './ReviewTabs';
export type { ReviewTabsProps, ReviewView } from './ReviewTabs.types';
