import type { Detection, Kpi, KpiAnchor, KpiTarget, KpiValue, KpiYear } from '../../../src/domain/kpi';
import type { ExpectedKpi } from '../../fixtures/grids/build';

/** The compact form of `ExpectedKpi` (test/fixtures/grids/build.ts). */
export function valueText(v: KpiValue | null): string {
  if (v === null) return '-';
  return `${v.cell ?? '?'}=${v.value === null ? '∅' : v.value}`;
}

export function anchorText(a: KpiAnchor | KpiTarget | null): string | null {
  if (a === null) return null;
  let s = `${a.label} ${a.fiscalYear ?? '?'} ${valueText(a.value)}`;
  if (a.aggregate) s += ' aggregate';
  if ('basis' in a && a.basis) s += ` basis=${a.basis}`;
  return s;
}

export function yearText(y: KpiYear): string {
  const status = y.status
    ? `${y.status.cell}:${y.status.existing ?? ''}${y.status.formula ? ' formula' : ''}${y.status.mergedInside ? ' merged' : ''}`
    : '-';
  return `${y.label} ${y.fiscalYear ?? '?'} | ${valueText(y.benchmark)} | ${valueText(y.actual)} | ${status}`;
}

export function summarise(k: Kpi): ExpectedKpi {
  return {
    id: k.id,
    name: k.name,
    nameCell: k.nameCell,
    group: k.group,
    category: k.category,
    order: k.order,
    sources: k.sources,
    unit: k.unit,
    scale: k.scale,
    cumulative: k.cumulative,
    baseline: anchorText(k.baseline),
    target: anchorText(k.target),
    years: k.years.map(yearText),
    problems: k.problems.map((p) => `${p.cell ?? '-'} ${p.code}`),
  };
}

export function problemList(d: Detection): string[] {
  return d.problems.map((p) => `${p.sheet ?? '-'}!${p.cell ?? '-'} ${p.code}`);
}
