import type { SettingsPanelProps } from './SettingsPanel.types';
import { renderSettingsPanel } from './renderSettingsPanel';
import { useSettingsPanel } from './useSettingsPanel';
import { useSettingsPanelStyles } from './useSettingsPanelStyles.styles';

/**
 * The choose step: scheme (presets, with the legend), its thresholds, the evaluation year, notes, and each
 * KPI's direction. Every change goes to `onChange(ev, data)`; the App re-evaluates and the choices are saved
 * in the workbook with the results.
 */
export const SettingsPanel = (props: SettingsPanelProps) => {
  const state = useSettingsPanel(props);
  const styles = useSettingsPanelStyles();
  return renderSettingsPanel(state, styles);
};
