import type * as React from 'react';
import type { KpiChartRequest } from '../../workbook/port';

/** Callback data when the user asks for one KPI's chart on the summary sheet (Excel only). */
export interface AddKpiChartData {
  kpiId: string;
  /** The KPI's name as the pane shows it (for the confirmation). */
  kpiName: string;
  request: KpiChartRequest;
}

export type AddKpiChartHandler = (ev: React.SyntheticEvent, data: AddKpiChartData) => void;

/** What the last 「グラフをシートに追加」 gave, in the pane's language, shown under that KPI's button. */
export interface KpiChartDone {
  kpiId: string;
  /** 「…」のグラフを「…」に追加しました, or null when Excel could not add it (too old: the notices say why). */
  confirmation: string | null;
  /** The host's notices (features left out, e.g. no trendline in an old Excel). */
  notices: string[];
}

/**
 * 「グラフをシートに追加」 as the pane offers it to each KPI's details: given only when the host can add a chart
 * (`addKpiChart`, Excel). The details build the request (chartRequest.ts); the pane sends it.
 */
export interface KpiChartAction {
  /** Where the chart goes: this evaluation's summary sheet (the plan's name, as 結果を書き込む writes it). */
  sheet: string;
  /** Why no chart can be added yet (the summary sheet is not in the workbook), or null. */
  unavailable: string | null;
  /** A chart is being added or other long work runs: the buttons wait. */
  busy: boolean;
  done: KpiChartDone | null;
  onAdd: AddKpiChartHandler;
}
