import type * as React from 'react';
import type { CategoryStyle, Scheme } from '../../../domain/evaluate';
import type { RunResult } from '../../../domain/pipeline';
import type { EvaluationChoices } from '../../flow/choices';
import type { KpiChartAction } from '../kpiChart';
import type { SelectRangeHandler } from '../selectRange';
import type { SettingsChange } from '../SettingsPanel';

export type ReviewView = 'review' | 'settings';

export interface ReviewTabsProps {
  view: ReviewView;
  onViewChange: (ev: React.SyntheticEvent, data: { view: ReviewView }) => void;
  result: RunResult;
  choices: EvaluationChoices;
  presets: readonly Scheme[];
  ownScheme: Scheme | null;
  categories: readonly CategoryStyle[];
  thresholdError: { key: string; message: string } | null;
  onSettingsChange: (ev: React.SyntheticEvent, data: SettingsChange) => void;
  onSelectRange?: SelectRangeHandler;
  /** Given in Excel: each KPI's details offer 「グラフをシートに追加」. */
  kpiChart?: KpiChartAction;
}

export interface ReviewTabsState extends ReviewTabsProps {
  ids: { review: string; settings: string; panel: string };
  onTabSelect: (ev: React.SyntheticEvent, data: { value: unknown }) => void;
  text: { tabsLabel: string; tabReview: string; tabSettings: string };
}
