/** The steps after the first screen, in one lazily loaded chunk (`panels`); see lazyPanels.ts. */
export { ReviewTabs } from './ReviewTabs';
export { ResultPanel } from './ResultPanel';
