export { SettingsPanel } from './SettingsPanel';
export type { SettingsChange, SettingsPanelProps } from './SettingsPanel.types';
