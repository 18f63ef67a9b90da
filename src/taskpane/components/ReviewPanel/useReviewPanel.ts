import type { AccordionToggleData, AccordionToggleEvent } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { KpiReport } from '../../../domain/report';
import { useMessages } from '../../i18n';
import { latestCategory } from '../KpiDetails';
import type { ReviewPanelProps, ReviewPanelState, ReviewTable } from './ReviewPanel.types';

export function useReviewPanel(props: ReviewPanelProps): ReviewPanelState {
  const t = useMessages();
  const { result, onSelectRange } = props;
  const [openItems, setOpenItems] = useState<string[]>([]);

  const categories = useMemo(() => new Map(props.categories.map((c) => [c.label, c])), [props.categories]);

  const tables = useMemo((): ReviewTable[] => {
    const reports = new Map<string, KpiReport>(result.results.map((k) => [k.id, k]));
    const toKpi = (report: KpiReport) => {
      const latest = latestCategory(report);
      return {
        id: report.id,
        name: report.name,
        group: report.group,
        latest: latest ? { ...latest, style: categories.get(latest.category) ?? null } : null,
        report,
      };
    };
    const seen = new Set<string>();
    const out: ReviewTable[] = result.detection.tables.map((table, i) => {
      const kpis = table.kpis.flatMap((k) => {
        const report = reports.get(k.id);
        if (!report) return [];
        seen.add(k.id);
        return [toKpi(report)];
      });
      return {
        key: `${i}:${table.sheet}!${table.range}`,
        heading: t.tableHeading(table.sheet, table.range),
        meta: `${table.layout === 'row-per-kpi' ? t.layoutRowPerKpi : t.layoutYearColumns}${t.metaSeparator}${t.kpiCount(kpis.length)}`,
        listLabel: t.kpiListLabel(table.sheet, table.range),
        kpis,
      };
    });
    // A KPI not listed under a table (defensive: detection always lists them) is still shown.
    const rest = result.results.filter((k) => !seen.has(k.id));
    if (rest.length > 0) {
      out.push({ key: 'rest', heading: t.wholeWorkbook, meta: t.kpiCount(rest.length), listLabel: t.wholeWorkbook, kpis: rest.map(toKpi) });
    }
    return out;
  }, [result, categories, t]);

  // Every problem once: the workbook's (layout, settings, refused writes) and each KPI's, which the report
  // may list in both places.
  const problems = useMemo(() => {
    const seen = new Set<string>();
    return [...result.report.problems, ...result.results.flatMap((k) => k.problems)].filter((p) => {
      const key = `${p.sheet}\u0000${p.cell}\u0000${p.code}\u0000${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }, [result]);

  const onToggle = useCallback(
    (ev: AccordionToggleEvent, data: AccordionToggleData<string>) => {
      const opened = !openItems.includes(data.value);
      setOpenItems(data.openItems);
      if (opened && onSelectRange) {
        const kpi = result.results.find((k) => k.id === data.value);
        if (kpi) onSelectRange(ev, { sheet: kpi.sheet, range: kpi.range });
      }
    },
    [openItems, onSelectRange, result],
  );

  return {
    summary: result.results.length > 0 ? t.detectedSummary(result.detection.tables.length, result.results.length) : t.noKpiFound,
    problemsSummary: problems.length > 0 ? t.problemsSummary(problems.length) : null,
    tables,
    problems,
    categories,
    openItems,
    onToggle,
    onSelectRange,
    kpiChart: props.kpiChart,
    text: { noCategoryYet: t.noCategoryYet, problemsHeading: t.problemsHeading, latest: t.latestCategory },
  };
}
