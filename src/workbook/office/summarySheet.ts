import { columnLetters } from '../../domain/address';
import { hyperlinkFormula } from '../formulas';
import type { SummaryCell, SummaryPlan } from '../../domain/plan/types';
import type { Work } from './batches';
import { jsonBytes, OP_OVERHEAD_BYTES, sliceRows } from './batches';
import type { CellInput } from './cellInput';
import { textInput } from './cellInput';
import { addRulesWorks } from './conditionalFormats';
import type { OfficeFeatures } from './features';
import type { Preflight } from './preflight';
import type { SheetCache } from './sheetCache';

/**
 * The summary sheet, regenerated IN PLACE (SPEC §5): an existing one is cleared — its tables and Shinchoku's
 * charts deleted, colour rules and cells cleared — never deleted and re-added, so the sheet keeps its tab
 * position and Excel's undo history is not cut by a sheet deletion. Same cells as the xlsx adapter.
 */
export const CHART_PREFIX = 'Shinchoku_';
const LINK_COLOR = '#0B5CAD';

/** The value typed for one summary cell: links as HYPERLINK formulas, text as text, empty as ''. */
export function summaryInput(sc: SummaryCell): CellInput {
  if (sc.link) {
    return `=${hyperlinkFormula(sc.link)}`;
  }
  if (sc.value === null || sc.value === undefined) return '';
  return typeof sc.value === 'string' ? textInput(sc.value) : sc.value;
}

/** Column width in characters (ExcelJS, the plan) → points (Office.js): about 7 px a character + 5 px padding. */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75);
}

/** The plan's table name, or the first `name_2`, `name_3` … not used by a table on another sheet. */
export function freeTableName(wanted: string, tables: Preflight['tables'], summarySheet: string): string {
  const taken = new Set(tables.filter((t) => t.sheet.toLowerCase() !== summarySheet.toLowerCase()).map((t) => t.name.toLowerCase()));
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  return name;
}

/** Loads the summary sheet's charts (one round trip before they are deleted), keeping Shinchoku's own. */
export function summaryChartsWork(sheet: string, cache: SheetCache, into: Excel.Chart[]): Work {
  let charts: Excel.ChartCollection | null = null;
  return {
    bytes: OP_OVERHEAD_BYTES * 2 + 2_000,
    sheet,
    queue() {
      charts = cache.get(sheet).charts;
      charts.load('items/name');
    },
    collect() {
      if (charts) into.push(...charts.items.filter((c) => c.name.startsWith(CHART_PREFIX)));
    },
  };
}

function valuesWorks(sheet: string, top: number, rows: CellInput[][], cache: SheetCache): Work[] {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 1);
  const full = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
  return sliceRows(full).map((slice) => {
    const address = `A${top + slice.offset + 1}:${columnLetters(width - 1)}${top + slice.offset + slice.rows.length}`;
    return {
      bytes: slice.bytes + OP_OVERHEAD_BYTES * 2,
      sheet,
      queue() {
        cache.get(sheet).getRange(address).values = slice.rows;
      },
    };
  });
}

function styleWork(sheet: string, address: string, sc: SummaryCell, cache: SheetCache): Work | null {
  if (!sc.bold && !sc.fill && !sc.font && !sc.numberFormat && !sc.wrap) return null;
  return {
    bytes: OP_OVERHEAD_BYTES * 5,
    sheet,
    queue() {
      const range = cache.get(sheet).getRange(address);
      if (sc.bold) range.format.font.bold = true;
      if (sc.fill) range.format.fill.color = sc.fill;
      if (sc.font) range.format.font.color = sc.font;
      if (sc.numberFormat) range.numberFormat = [[sc.numberFormat]];
      if (sc.wrap) range.format.wrapText = true;
    },
  };
}

function clearWorks(summary: SummaryPlan, features: OfficeFeatures, pre: Preflight, ownCharts: readonly Excel.Chart[], cache: SheetCache): Work[] {
  const existing = pre.sheets.get(summary.name.toLowerCase());
  if (!existing) return [{ bytes: OP_OVERHEAD_BYTES, sheet: summary.name, queue: () => void cache.add(summary.name) }];
  const tables = pre.tables.filter((t) => t.sheet.toLowerCase() === summary.name.toLowerCase());
  return [
    {
      bytes: OP_OVERHEAD_BYTES * (4 + tables.length + ownCharts.length),
      sheet: existing.name,
      queue() {
        const ws = cache.get(existing.name);
        for (const t of tables) ws.tables.getItem(t.name).delete();
        for (const chart of ownCharts) chart.delete();
        const all = ws.getRange();
        if (features.conditionalFormats) all.conditionalFormats.clearAll();
        all.unmerge();
        all.clear(Excel.ClearApplyTo.all);
      },
    },
  ];
}

/** Works that rebuild the summary sheet, in order. */
export function summaryWorks(summary: SummaryPlan, features: OfficeFeatures, pre: Preflight, ownCharts: readonly Excel.Chart[], cache: SheetCache): Work[] {
  const sheet = pre.sheets.get(summary.name.toLowerCase())?.name ?? summary.name;
  const works = clearWorks(summary, features, pre, ownCharts, cache);
  const push = (w: Work | null): void => {
    if (w) works.push(w);
  };
  works.push(...valuesWorks(sheet, 0, summary.head.map((line) => line.map(summaryInput)), cache));
  summary.head.forEach((line, r) => line.forEach((sc, c) => push(styleWork(sheet, `${columnLetters(c)}${r + 1}`, sc, cache))));

  const t = summary.table;
  const headers = t.columns.map((col) => textInput(col.header));
  works.push(...valuesWorks(sheet, t.top, [headers, ...t.rows.map((row) => row.map(summaryInput))], cache));
  const last = columnLetters(t.columns.length - 1);
  if (t.rows.length > 0) {
    const first = t.top + 2; // 1-based row of the first body row
    const end = t.top + 1 + t.rows.length;
    const tableName = freeTableName(t.name, pre.tables, summary.name);
    works.push({
      bytes: OP_OVERHEAD_BYTES * 3 + jsonBytes(tableName),
      sheet,
      queue() {
        const table = cache.get(sheet).tables.add(`A${t.top + 1}:${last}${end}`, true);
        table.name = tableName;
        table.style = 'TableStyleLight9';
      },
    });
    t.columns.forEach((col, c) => {
      const letter = columnLetters(c);
      const cells = t.rows.map((row) => row[c] ?? { value: null });
      const formats = cells.map((sc) => sc.numberFormat ?? col.numberFormat ?? null);
      if (formats.some((f) => f !== null)) {
        for (const slice of sliceRows(formats.map((f) => [f ?? 'General']))) {
          const address = `${letter}${first + slice.offset}:${letter}${first + slice.offset + slice.rows.length - 1}`;
          works.push({ bytes: slice.bytes + OP_OVERHEAD_BYTES * 2, sheet, queue: () => void (cache.get(sheet).getRange(address).numberFormat = slice.rows) });
        }
      }
      const body = `${letter}${first}:${letter}${end}`;
      if (cells.some((sc) => sc.wrap)) {
        works.push({
          bytes: OP_OVERHEAD_BYTES * 2,
          sheet,
          queue() {
            const range = cache.get(sheet).getRange(body);
            range.format.wrapText = true;
            range.format.verticalAlignment = Excel.VerticalAlignment.top;
          },
        });
      }
      if (cells.some((sc) => sc.link)) {
        works.push({
          bytes: OP_OVERHEAD_BYTES * 2,
          sheet,
          queue() {
            const font = cache.get(sheet).getRange(body).format.font;
            font.color = LINK_COLOR;
            font.underline = Excel.RangeUnderlineStyle.single;
          },
        });
      }
    });
    if (features.conditionalFormats && summary.rules.length > 0) {
      const col = columnLetters(summary.categoryColumn);
      works.push(...addRulesWorks(sheet, [`${col}${first}:${col}${end}`], summary.rules, cache));
    }
  } else {
    push({ bytes: OP_OVERHEAD_BYTES * 2, sheet, queue: () => void (cache.get(sheet).getRange(`A${t.top + 1}:${last}${t.top + 1}`).format.font.bold = true) });
  }
  if (features.columnWidth) {
    works.push({
      bytes: OP_OVERHEAD_BYTES * t.columns.length,
      sheet,
      queue() {
        const ws = cache.get(sheet);
        t.columns.forEach((col, c) => {
          const letter = columnLetters(c);
          ws.getRange(`${letter}:${letter}`).format.columnWidth = widthPoints(col.width);
        });
      },
    });
  }
  return works;
}
