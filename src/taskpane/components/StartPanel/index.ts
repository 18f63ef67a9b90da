export { StartPanel } from './StartPanel';
export type { StartPanelProps } from './StartPanel.types';
