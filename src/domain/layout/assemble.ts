import type { Kpi, KpiAnchor, KpiTarget, KpiValue, KpiYear, Layout, StatusCell } from '../kpi';
import type { CellReading } from '../cells/types';
import type { Problem } from '../problems';
import { cleanName, namesCumulative } from './names';
import { dedupeProblems } from './tableCells';
import { compoundLabels, kpiValue, resolveUnit } from './values';

export interface AnchorDraft {
  label: string;
  fiscalYear: number | null;
  aggregate: boolean;
  read: KpiValue | null;
}

export interface YearDraft {
  label: string;
  fiscalYear: number | null;
  benchmark: KpiValue | null;
  actual: KpiValue | null;
  status: StatusCell | null;
}

/** One KPI as found in the grid, before names are cleaned, units resolved and compound cells split. */
export interface KpiDraft {
  sheet: string;
  range: string;
  layout: Layout;
  group: string | null;
  category: string | null;
  nameText: string;
  nameCell: string | null;
  unitText: string | null;
  baseline: AnchorDraft | null;
  target: AnchorDraft | null;
  years: YearDraft[];
  /** Problems of the table that concern this KPI (header typos, unrecognised cells of its rows). */
  problems: Problem[];
}

/**
 * Draft → KPI(s). A KPI with compound cells (`小93.5 中98.1`, 002 seed line 52) becomes one KPI per label,
 * `name（小）` with id `…#小`; its values are the parts of that label.
 */
export function buildKpis(draft: KpiDraft): Kpi[] {
  const readings: Readonly<CellReading>[] = [];
  if (draft.baseline?.read) readings.push(draft.baseline.read.reading);
  if (draft.target?.read) readings.push(draft.target.read.reading);
  for (const y of draft.years) {
    if (y.benchmark) readings.push(y.benchmark.reading);
    if (y.actual) readings.push(y.actual.reading);
  }
  const unit = resolveUnit(draft.unitText, readings);
  const labels = compoundLabels(readings);
  const clean = cleanName(draft.nameText);
  const basis = draft.target?.read?.reading.basis ?? null;
  const cumulative = namesCumulative(draft.nameText) || basis === 'total';
  const parts: (string | null)[] = labels.length > 0 ? labels : [null];

  return parts.map((part): Kpi => {
    const found: Problem[] = [];
    const value = (read: KpiValue | null) => (read ? kpiValue(draft.sheet, read, unit, part, found) : null);
    const anchor = (a: AnchorDraft | null): KpiAnchor | null =>
      a ? { label: a.label, fiscalYear: a.fiscalYear, aggregate: a.aggregate, value: value(a.read) } : null;
    const baseline = anchor(draft.baseline);
    const targetAnchor = anchor(draft.target);
    // Written out: a property after a spread is slow in Node 20 (bench/, once per KPI).
    const target: KpiTarget | null = targetAnchor
      ? {
          label: targetAnchor.label,
          fiscalYear: targetAnchor.fiscalYear,
          aggregate: targetAnchor.aggregate,
          value: targetAnchor.value,
          basis,
        }
      : null;
    const years = draft.years.map((y): KpiYear => ({
      label: y.label,
      fiscalYear: y.fiscalYear,
      benchmark: value(y.benchmark),
      actual: value(y.actual),
      status: y.status,
    }));
    return {
      id: part === null ? `${draft.sheet}!${draft.range}` : `${draft.sheet}!${draft.range}#${part}`,
      sheet: draft.sheet,
      range: draft.range,
      layout: draft.layout,
      group: draft.group,
      category: draft.category,
      name: part === null ? clean.name : `${clean.name}（${part}）`,
      nameCell: draft.nameCell,
      order: clean.order,
      sources: clean.sources,
      unit: unit.unit,
      scale: unit.scale,
      baseline,
      target,
      years,
      cumulative,
      // The target and its year's benchmark may be one cell: its problems are listed once.
      problems: found.length === 0 ? draft.problems.slice() : dedupeProblems([...draft.problems, ...found]),
    };
  });
}
