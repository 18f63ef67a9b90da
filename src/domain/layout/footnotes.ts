import { parseYearLabel } from '../years';
import { normalizeText } from '../text';
import type { KpiDraft } from './assemble';
import { circledNumber, cleanName } from './names';
import type { SheetScan } from './scan';
import type { SheetView } from './sheetView';

/** How many rows below a row-per-KPI table may hold its source notes. */
const FOOTNOTE_ROWS = 12;

/** `①②住民基本台帳人口 (基準値: 2018年、目標値: 計画期間終了時点)` (001 seed line 256). */
export interface Footnote {
  orders: number[];
  baseline: string | null;
  target: string | null;
}

const BASELINE_RE = /基準値\s*[:：]\s*([^、,，)）]+)/;
const TARGET_RE = /目標値\s*[:：]\s*([^、,，)）]+)/;

/** The notes under a table, up to the next table, heading or `FOOTNOTE_ROWS` rows. */
export function readFootnotes(view: SheetView, scan: SheetScan, from: number, limit: number): Footnote[] {
  const notes: Footnote[] = [];
  for (let r = from; r <= Math.min(limit, from + FOOTNOTE_ROWS - 1); r++) {
    if (scan.starts.has(r) || scan.groupRows.has(r)) break;
    const c = view.firstFilled(r);
    if (c < 0) continue;
    const raw = view.text(r, c);
    const orders: number[] = [];
    let i = 0;
    for (; i < raw.length; i++) {
      const n = circledNumber(raw.charAt(i));
      if (n === null) break;
      orders.push(n);
    }
    if (orders.length === 0) continue;
    const text = normalizeText(raw.slice(i));
    const b = BASELINE_RE.exec(text);
    const t = TARGET_RE.exec(text);
    if (b || t) notes.push({ orders, baseline: b ? b[1].trim() : null, target: t ? t[1].trim() : null });
  }
  return notes;
}

/**
 * The year a note gives, when it is simple: `2018年`, `2017年度`, `2016~2018年平均` (aggregate),
 * `2018年実施調査` (→ 2018年). `計画期間終了時点` names no year: null.
 */
export function noteYear(text: string): { label: string; fiscalYear: number | null; aggregate: boolean } | null {
  let parsed = parseYearLabel(text);
  let label = text;
  if (!parsed || (parsed.fiscalYear === null && parsed.range === null)) {
    const m = /^(?:19|20)\d{2}年度?/.exec(text);
    if (!m) return null;
    label = m[0];
    parsed = parseYearLabel(label);
    if (!parsed) return null;
  }
  const aggregate = parsed.range !== null || parsed.relativeYears !== null;
  return { label, fiscalYear: aggregate ? null : parsed.fiscalYear, aggregate };
}

/** Gives the KPIs whose circled number a note lists the baseline/target year of the note. */
export function applyFootnotes(drafts: KpiDraft[], notes: Footnote[]): void {
  if (notes.length === 0) return;
  for (const d of drafts) {
    const order = cleanName(d.nameText).order;
    if (order === null) continue;
    const note = notes.find((n) => n.orders.includes(order));
    if (!note) continue;
    const b = note.baseline ? noteYear(note.baseline) : null;
    if (b && d.baseline && d.baseline.fiscalYear === null && !d.baseline.aggregate) {
      d.baseline = { ...d.baseline, ...b };
    }
    const t = note.target ? noteYear(note.target) : null;
    if (t && d.target && d.target.fiscalYear === null) d.target = { ...d.target, ...t };
  }
}
