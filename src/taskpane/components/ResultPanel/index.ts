export { ResultPanel } from './ResultPanel';
export type { ResultPanelProps } from './ResultPanel.types';
