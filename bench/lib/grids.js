'use strict';
/**
 * Synthetic municipal KPI sheets for the benchmarks, in both layout families (SPEC §2), as plain `SheetGrid`s
 * (values + number formats + merges, exactly what the Office and ExcelJS adapters hand the engine).
 *
 * - 佐久市 blocks (year columns, 000 seed lines 319–339, as scripts/build-sample.js `sakuTable`): a `基本目標n`
 *   heading, then `指標名 | 年度別評価 | R1（基準値） | R2 … | Rn（目標値） | 単位` and per KPI three rows
 *   目安値 / 実績値 / 進捗区分, the name and the unit merged down the block.
 * - 岩見沢市 rows (row per KPI, 001 seed lines 233–256): a `【基本目標n】` heading, then
 *   `重要業績評価指標 (KPI) | | 基準値 | 2019年度 … | 目標値 | 状況` (the name word merged over the aim and the
 *   indicator columns), one KPI a row with unit-bearing text (`1,498千円`, `▲312人`, `調査なし`), the aim merged
 *   over the KPIs it covers, and the source notes under the table.
 *
 * Every KPI has 5–10 years. Cell text is what staff type: numbers with `0.0` / `#,##0` / `0.0%` formats, commas,
 * units and scale words, ▲ minus, dashes, 未公表 / 調査なし, `13.2以内` limits, year-tagged actuals, reference
 * figures in parentheses, footnote marks. Deterministic: the same size always gives the same grid.
 */

/** Small deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ERA_DIGITS = ['元', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const SUBJECTS = [
  '「住みやすい」と回答する人の割合',
  '居住誘導区域内の人口密度（国勢調査ベース）',
  '人口の社会動態の増加数（計画期間の累計）',
  '合計特殊出生率',
  '市内事業所の従業員数',
  '特定健康診査(国民健康保険)受診率',
  '要介護認定率',
  '1人1日あたりのごみ排出量',
  '観光入込客数',
  '移住相談件数',
  '新規就農者数（5年間の合計）',
  '待機児童数',
  '図書館の年間貸出冊数',
  '市民活動団体の登録数',
  '空き家バンク登録件数',
];
const DEPARTMENTS = ['企画課', '都市計画課', '健康づくり推進課', '商工振興課', '農政課', '子育て支援課', '生涯学習課', '環境政策課'];
const STATUS_WORDS = ['順調', '概ね順調', 'やや遅れ', '遅れ', '未公表'];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function round(v, decimals) {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

function withCommas(v, decimals) {
  return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A grid under construction: sparse rows, filled into a rectangle at the end. */
class GridBuilder {
  constructor(name) {
    this.name = name;
    this.rows = [];
    this.formats = [];
    this.merges = [];
    this.width = 0;
  }

  set(row, col, value, format = null) {
    if (!this.rows[row]) {
      this.rows[row] = [];
      this.formats[row] = [];
    }
    this.rows[row][col] = value;
    if (format) this.formats[row][col] = format;
    if (col + 1 > this.width) this.width = col + 1;
  }

  merge(top, left, bottom, right) {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  build() {
    const height = this.rows.length;
    const values = new Array(height);
    const numberFormats = new Array(height);
    for (let r = 0; r < height; r++) {
      const line = new Array(this.width).fill(null);
      const fline = new Array(this.width).fill(null);
      const src = this.rows[r];
      const fsrc = this.formats[r];
      if (src) {
        for (let c = 0; c < src.length; c++) if (src[c] !== undefined) line[c] = src[c];
        for (let c = 0; c < fsrc.length; c++) if (fsrc[c] !== undefined) fline[c] = fsrc[c];
      }
      values[r] = line;
      numberFormats[r] = fline;
    }
    return {
      name: this.name,
      top: 0,
      left: 0,
      values,
      numberFormats,
      formulas: {},
      merges: this.merges,
      protected: false,
      visibility: 'visible',
    };
  }
}

/**
 * One KPI's series: how its cells are written. `cell(v, decimals)` gives the raw value and number format of a
 * number in this KPI's style; `limit` marks benchmarks written as `13.2以内`.
 */
function kpiStyle(r) {
  const k = Math.floor(r() * 10);
  switch (k) {
    case 0: // percent typed as a number with a 0.0 format, unit in the 単位 column
      return { unit: '％', base: 40 + r() * 50, step: 0.4, decimals: 1, cell: (v) => [round(v, 1), '0.0'] };
    case 1: // a percent number format: 0.784 shown 78.4%
      return { unit: '%', base: 40 + r() * 50, step: 0.5, decimals: 1, cell: (v) => [round(v / 100, 3), '0.0%'] };
    case 2: // counts with thousands separators
      return { unit: '人', base: 20000 + r() * 40000, step: 300, decimals: 0, cell: (v) => [Math.round(v), '#,##0'] };
    case 3: // counts typed as text with commas and the unit
      return { unit: '人', base: 800 + r() * 5000, step: 40, decimals: 0, cell: (v) => [`${withCommas(Math.round(v), 0)}人`, null] };
    case 4: // a limit (lower is better), 000/002 seeds `13.2以内`
      return { unit: '%', base: 12 + r() * 6, step: -0.1, decimals: 1, limit: true, cell: (v) => [round(v, 1), null] };
    case 5: // money in 千円, text
      return { unit: '千円', base: 1000 + r() * 30000, step: 60, decimals: 0, cell: (v) => [`${withCommas(Math.round(v), 0)}千円`, null] };
    case 6: // a signed figure, ▲ for minus (社会動態)
      return {
        unit: '人',
        base: -300 + r() * 200,
        step: 25,
        decimals: 0,
        cell: (v) => [v < 0 ? `▲${withCommas(Math.round(-v), 0)}` : Math.round(v), null],
      };
    case 7: // a rate with 2 decimals
      return { unit: '', base: 1.2 + r() * 0.5, step: 0.02, decimals: 2, cell: (v) => [round(v, 2), '0.00'] };
    case 8: // per-person amounts
      return { unit: 'g', base: 700 + r() * 300, step: -5, decimals: 0, cell: (v) => [Math.round(v), '#,##0'] };
    default: // counts, plain numbers, no format
      return { unit: '件', base: 50 + r() * 500, step: 8, decimals: 0, cell: (v) => [Math.round(v), null] };
  }
}

/** `R1`… with a line break and note, as the 佐久市 header cells are typed. */
function eraLabel(year) {
  return `R${ERA_DIGITS[year - 2019]}`;
}

/**
 * 佐久市 block layout: `kpis` KPIs, tables of 10–30 KPIs under `基本目標n` headings, 5–10 year columns each.
 * The year of evaluation is 2023 (R5): later actuals are empty, the latest one sometimes 未公表 or `−`.
 */
function sakuSheet(name, kpis, seed = 1) {
  const r = rng(seed);
  const g = new GridBuilder(name);
  let row = 0;
  let made = 0;
  let goal = 1;
  while (made < kpis) {
    const count = Math.min(kpis - made, 10 + Math.floor(r() * 21));
    const nYears = 5 + Math.floor(r() * 6); // 5–10 years after the baseline
    g.set(row, 0, `基本目標${goal}「選ばれる暮らしやすさを更に高める、『まち』の創生」`);
    g.set(row + 1, 0, '数値目標の進捗状況');
    row += 2;
    const header = ['指標名', '年度別\n評価', `${eraLabel(2019)}\n（基準値）`];
    for (let i = 1; i <= nYears; i++) header.push(i === nYears ? `${eraLabel(2019 + i)}\n（目標値）` : eraLabel(2019 + i));
    header.push('単位');
    header.forEach((h, c) => g.set(row, c, h));
    const unitCol = header.length - 1;
    row++;
    for (let k = 0; k < count; k++) {
      const style = kpiStyle(r);
      const subject = pick(r, SUBJECTS);
      const name = r() < 0.5 ? `${subject}\n【${pick(r, DEPARTMENTS)}】` : `${subject}【${pick(r, DEPARTMENTS)}】`;
      g.set(row, 0, name);
      g.merge(row, 0, row + 2, 0);
      g.set(row, 1, '目安値');
      g.set(row + 1, 1, '実績値');
      g.set(row + 2, 1, '進捗区分');
      g.set(row, unitCol, style.unit === '' ? null : style.unit);
      g.merge(row, unitCol, row + 2, unitCol);
      // baseline (R1) on the 実績値 row
      const [bv, bf] = style.cell(style.base);
      g.set(row + 1, 2, bv, bf);
      for (let i = 1; i <= nYears; i++) {
        const col = 2 + i;
        const year = 2019 + i;
        const plan = style.base + style.step * i;
        const [pv, pf] = style.cell(plan);
        const dash = r() < 0.03;
        if (dash) g.set(row, col, '−');
        else if (style.limit) g.set(row, col, `${round(plan, style.decimals)}以内`);
        else g.set(row, col, pv, pf);
        if (year > 2023) continue; // not yet measured
        const roll = r();
        if (dash) g.set(row + 1, col, '−');
        else if (year === 2023 && roll < 0.08) g.set(row + 1, col, '未公表');
        else if (roll < 0.02) g.set(row + 1, col, '-');
        else if (roll < 0.03 && style.decimals === 1 && style.unit === '%') {
          g.set(row + 1, col, `${round(plan - 1, 1)}(R${ERA_DIGITS[i - 1]}確定値) ${round(plan - 0.5, 1)}(R${ERA_DIGITS[i]}速報値)`);
        } else {
          const [av, af] = style.cell(plan + (r() - 0.45) * Math.abs(style.step) * 4);
          g.set(row + 1, col, av, af);
        }
        // status cells: mostly empty, some filled by hand in earlier years
        if (year < 2022 && r() < 0.3) g.set(row + 2, col, pick(r, STATUS_WORDS));
      }
      row += 3;
      made++;
    }
    row += 1; // a blank row, then the analysis prose
    g.set(row, 0, '進捗状況の分析');
    g.set(row + 1, 0, '基本目標の数値目標は、満足度・重要度市民アンケートに基づき設定しています。概ね順調に推移しました。');
    g.merge(row + 1, 0, row + 1, 8);
    row += 3;
    goal++;
  }
  return g.build();
}

/**
 * 岩見沢市 row-per-KPI layout: `kpis` KPIs in tables of 10–30 under `【基本目標n】` headings, 5–10 year columns
 * between 基準値 and 目標値, the last year's 状況 at the right, source notes under each table.
 */
function iwamizawaSheet(name, kpis, seed = 2) {
  const r = rng(seed);
  const g = new GridBuilder(name);
  let row = 0;
  let made = 0;
  let goal = 1;
  while (made < kpis) {
    const count = Math.min(kpis - made, 10 + Math.floor(r() * 21));
    const nYears = 5 + Math.floor(r() * 6);
    g.set(row, 0, `【基本目標${goal}】安定した雇用を創出するとともに、経済を支える人材を育て活かす`);
    row += 2;
    const header = ['重要業績評価指標 (KPI)', null, '基準値'];
    for (let i = 0; i < nYears; i++) header.push(`${2019 + i}年度`);
    header.push('目標値', '状況');
    header.forEach((h, c) => h !== null && g.set(row, c, h));
    g.merge(row, 0, row, 1);
    const targetCol = header.length - 2;
    const statusCol = header.length - 1;
    row++;
    let aimLeft = 0;
    for (let k = 0; k < count; k++) {
      const style = kpiStyle(r);
      const order = k % 20;
      // The aim (col A) covers 1–3 KPIs, merged down when it covers several.
      if (aimLeft === 0) {
        aimLeft = Math.min(count - k, 1 + Math.floor(r() * 3));
        g.set(row, 0, `${pick(r, SUBJECTS).replace(/[「」]/g, '')}の向上`);
        g.merge(row, 0, row + aimLeft - 1, 0);
      }
      aimLeft--;
      const note = r() < 0.1 ? `※${1 + Math.floor(r() * 4)}` : '';
      g.set(row, 1, `${CIRCLED[order]}${pick(r, SUBJECTS)}${note}`);
      const text = (v) => {
        const u = style.unit === '％' ? '%' : style.unit;
        const n = round(v, style.decimals);
        const s = withCommas(Math.abs(n), style.decimals);
        return `${n < 0 ? '▲' : ''}${s}${u}`;
      };
      g.set(row, 2, r() < 0.04 ? '-' : text(style.base));
      for (let i = 0; i < nYears; i++) {
        const year = 2019 + i;
        if (year > 2023) continue;
        const v = style.base + style.step * (i + 1) + (r() - 0.45) * Math.abs(style.step) * 4;
        const roll = r();
        let cell;
        if (roll < 0.06) cell = '調査なし';
        else if (roll < 0.09) cell = year === 2023 ? '未公表' : '-';
        else if (roll < 0.11) cell = `(${text(v)})`;
        else cell = text(v);
        g.set(row, 3 + i, cell);
      }
      const target = style.base + style.step * (nYears + 1);
      g.set(row, targetCol, style.limit ? `${round(target, 1)}%以内` : text(target));
      g.set(row, statusCol, pick(r, ['順調', '低調', '-', '概ね順調']));
      row++;
      made++;
    }
    row++;
    for (let n = 0; n < Math.min(count, 4); n++) {
      g.set(row, 0, `${CIRCLED[n]}${pick(r, ['課税状況調', '住民基本台帳人口', '市民意識調査', '工業統計調査'])} (基準値: ${2016 + n}年、目標値: 計画期間終了時点)`);
      row += 2;
    }
    goal++;
  }
  return g.build();
}

/** KPIs per sheet: a large municipal sheet (a whole 総合戦略 on one tab); bigger workbooks have more sheets. */
const KPIS_PER_SHEET = 500;

/**
 * A workbook of `kpis` KPIs, half in each family, in sheets of at most `perSheet` KPIs (`基本目標1…` in the
 * 佐久市 layout, `KPI進捗1…` in the 岩見沢 one). `perSheet: Infinity` puts each family on one sheet, to show
 * how the engine scales with the size of one sheet.
 */
function benchWorkbook(kpis, perSheet = KPIS_PER_SHEET) {
  const sheets = [];
  const add = (make, prefix, total, seed) => {
    for (let i = 0, made = 0; made < total; i++) {
      const n = Math.min(perSheet, total - made);
      sheets.push(make(`${prefix}${i + 1}`, n, seed * 1000 + i));
      made += n;
    }
  };
  const saku = Math.ceil(kpis / 2);
  add(sakuSheet, '基本目標', saku, 1);
  add(iwamizawaSheet, 'KPI進捗', kpis - saku, 2);
  return { sheets };
}

module.exports = { benchWorkbook, sakuSheet, iwamizawaSheet, rng };
