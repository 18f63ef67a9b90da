#!/usr/bin/env node
'use strict';
/**
 * Builds examples/shinchoku-sample.xlsx: the municipal tables of ../shared/seeds rebuilt as the Excel sheets
 * staff keep (our own layout work; every number is the seed's, cited by file and line). Document dates are
 * fixed; the zip entries still carry the build time, so the bytes differ between builds, never the cells.
 *
 *   node scripts/build-sample.js [out.xlsx]
 */
const path = require('node:path');
const ExcelJS = require('exceljs');

const FIXED_DATE = new Date(Date.UTC(2024, 5, 1));
const thin = { style: 'thin', color: { argb: 'FF808080' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function styleTable(ws, top, left, bottom, right) {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r, c);
      cell.border = border;
      cell.alignment = { vertical: 'middle', wrapText: true, ...(c > left + 1 ? { horizontal: 'center' } : {}) };
    }
  }
  for (let c = left; c <= right; c++) {
    const cell = ws.getCell(top, c);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.font = { bold: true };
  }
}

/**
 * One 佐久市-style block table (000 seed excerpt lines 319–339): header
 * 指標名 | 年度別評価 | <baseline>（基準値） | years… | <target>（目標値） | 単位, then per KPI the rows
 * 目安値 / 実績値 / 進捗区分 with the name and unit merged down the block.
 */
function sakuTable(ws, top, spec) {
  const years = spec.years; // e.g. ['R1（基準値）','R2','R3','R4','R5','R6（目標値）']
  const header = ['指標名', '年度別\n評価', ...years, '単位'];
  header.forEach((h, i) => (ws.getCell(top, i + 1).value = h));
  let row = top + 1;
  for (const kpi of spec.kpis) {
    const labels = ['目安値', '実績値', '進捗区分'];
    labels.forEach((label, i) => {
      ws.getCell(row + i, 2).value = label;
    });
    ws.getCell(row, 1).value = kpi.name;
    ws.mergeCells(row, 1, row + 2, 1);
    ws.getCell(row, header.length).value = kpi.unit;
    ws.mergeCells(row, header.length, row + 2, header.length);
    const put = (r, values) =>
      values.forEach((v, i) => {
        if (v !== undefined && v !== null) {
          const cell = ws.getCell(r, 3 + i);
          if (v && typeof v === 'object' && 'percent' in v) {
            cell.value = v.percent;
            cell.numFmt = '0.0%';
          } else {
            cell.value = v;
          }
          if (typeof v === 'number' && kpi.format) cell.numFmt = kpi.format;
        }
      });
    put(row, kpi.benchmark);
    put(row + 1, kpi.actual);
    put(row + 2, kpi.status ?? []);
    row += 3;
  }
  styleTable(ws, top, 1, row - 1, header.length);
  return row;
}

function text(ws, row, value, opts = {}) {
  const cell = ws.getCell(row, 1);
  cell.value = value;
  if (opts.bold) cell.font = { bold: true, size: opts.size ?? 11 };
  if (opts.wrap) {
    ws.mergeCells(row, 1, row, 9);
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(row).height = 48;
  }
}

function columns(ws) {
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 9;
  for (let c = 3; c <= 8; c++) ws.getColumn(c).width = 11;
  ws.getColumn(9).width = 8;
}

function sheetKihon1(wb) {
  const ws = wb.addWorksheet('基本目標1');
  columns(ws);
  // 000 seed excerpt line 317
  text(ws, 1, '基本目標１「選ばれる暮らしやすさを更に高める、佐久市における『まち』の創生」', { bold: true, size: 13 });
  text(ws, 2, '数値目標の進捗状況', { bold: true });
  // 000 seed excerpt lines 319–339
  let row = sakuTable(ws, 3, {
    years: ['R1\n（基準値）', 'R2', 'R3', 'R4', 'R5', 'R6\n（目標値）'],
    kpis: [
      {
        name: '「佐久市は住みやすい」と回答する人の割合\n【満足度・重要度市民アンケート】\n【企画課】',
        unit: '％',
        format: '0.0',
        benchmark: [null, 78.4, 78.8, 79.2, 79.6, 80.0],
        actual: [78.0, 81.4, 77.3, 78.5, 77.4],
      },
    ],
  });
  text(ws, row + 1, '総合分析', { bold: true });
  // 000 seed excerpt lines 343–344
  text(ws, row + 2, '基本目標１の数値目標は、満足度・重要度市民アンケートに基づき設定しています。「『佐久市は住みやすい』と回答する人の割合」については、「概ね順調」となりました。', { wrap: true });
  // 000 seed excerpt lines 380–399
  text(ws, row + 4, '基本目標１「選ばれる暮らしやすさを更に高める、佐久市における『まち』の創生」', { bold: true });
  row = sakuTable(ws, row + 5, {
    years: ['H27\n（基準値）', 'R2', 'R3', 'R4', 'R5', 'R6\n（目標値）'],
    kpis: [
      {
        name: '居住誘導区域内の人口密度（国勢調査ベース）【都市計画課調】',
        unit: '人/ha',
        format: '0.0',
        benchmark: [null, 26.2, '−', '−', '−', 26.2],
        actual: [26.2, 30.1, '−', '−', '−'],
      },
    ],
  });
  text(ws, row + 1, '進捗状況の分析', { bold: true });
  // 000 seed excerpt lines 402–404
  text(ws, row + 2, '居住誘導区域内の人口（人口密度）は、国勢調査のメッシュ人口データを活用して算出されます。国勢調査は５年に１回の調査となることから、令和３・４・５年度は実績値なしとなります。', { wrap: true });
}

function sheetSuchiMokuhyo(wb) {
  const ws = wb.addWorksheet('数値目標');
  columns(ws);
  // 000 seed excerpt lines 268–315: the R5 overview of 基本目標2–4 (only R5 is published there)
  text(ws, 1, 'R5の進捗状況【数値目標】', { bold: true, size: 13 });
  text(ws, 2, '基本目標２', { bold: true });
  let row = sakuTable(ws, 3, {
    years: ['R1\n（基準値）', 'R2', 'R3', 'R4', 'R5', 'R6\n（目標値）'],
    kpis: [
      {
        name: '人口の社会動態の増加数（計画期間の累計）',
        unit: '人',
        benchmark: [null, null, null, null, 1200, 1500],
        actual: [null, null, null, null, 1253],
      },
    ],
  });
  text(ws, row + 1, '基本目標３', { bold: true });
  row = sakuTable(ws, row + 2, {
    years: ['H30\n（基準値）', 'R2', 'R3', 'R4', 'R5', 'R6\n（目標値）'],
    kpis: [
      {
        name: '合計特殊出生率',
        unit: '',
        benchmark: [null, null, null, null, 1.72, 1.77],
        actual: [1.59, null, null, null, '−'],
        // staff typed 未公表 (the statistic is not yet published): kept, not replaced
        status: [null, null, null, null, '未公表'],
      },
    ],
  });
  text(ws, row + 1, '基本目標４', { bold: true });
  sakuTable(ws, row + 2, {
    years: ['H28\n（基準値）', 'R2', 'R3', 'R4', 'R5', 'R6\n（目標値）'],
    kpis: [
      {
        name: '市内事業所の従業員数',
        unit: '人',
        format: '#,##0',
        benchmark: [null, null, null, null, '−', 41800],
        actual: [40327, null, null, null, '−'],
      },
    ],
  });
}

function sheetKenko(wb) {
  const ws = wb.addWorksheet('施策3-2 健康・福祉');
  columns(ws);
  // 小諸市 indicators (002 seed lines 785–790, 949–954, 1212–1215) kept in the 佐久市 block layout
  text(ws, 1, '政策3 施策3-2 健康・福祉（成果指標）', { bold: true, size: 13 });
  sakuTable(ws, 2, {
    years: ['R1\n（基準値）', 'R2', 'R3', 'R4', 'R5\n（目標値）'],
    kpis: [
      {
        // 002 seed lines 785–789: the R2 actual carries its own year tags
        name: '特定健康診査(国民健康保険)受診率',
        unit: '%',
        benchmark: [null, 50, 55, 60, 60],
        actual: [44.8, '42.7(R1確定値) 40.2(R2速報値)'],
      },
      {
        // 002 seed lines 949–954: lower is better, the plan is a limit
        name: '要介護認定率',
        unit: '%',
        benchmark: [null, '13.2以内', '13.2以内', '13.2以内', '13.2以内'],
        actual: [13.2, 13.4],
      },
      {
        // 002 seed lines 1210–1215: a rank, lower is better
        name: '地域ブランド調査の魅力度全国順位',
        unit: '位',
        benchmark: [null, '180以内', '180以内', '180以内', '180以内'],
        actual: [185, 197],
      },
      {
        // 002 seed lines 1204–1209: baseline with a note
        name: '市内宿泊者数',
        unit: '人',
        format: '#,##0',
        benchmark: [null, 90000, 130000, 165000, 166000],
        actual: ['165,120 ※平成30年度数値', 100273],
      },
    ],
  });
}

function sheetKotsu(wb) {
  const ws = wb.addWorksheet('施策5-3 交通');
  columns(ws);
  // 小諸市 indicators (002 seed lines 1290–1316; the PDF's 平成2年度 header is a typo for 令和2年度)
  text(ws, 1, '政策5 施策5-3 公共交通（成果指標）', { bold: true, size: 13 });
  sakuTable(ws, 2, {
    years: ['R1\n（基準値）', 'R2', 'R3', 'R4', 'R5\n（目標値）'],
    kpis: [
      {
        name: '小諸駅・市庁舎周辺地域におけるこもろ愛のりくんの利用割合',
        unit: '%',
        benchmark: [null, 23.0, 30.0, 35.0, 40.0],
        actual: ['22.6 %', 21.6],
      },
      {
        name: '小諸駅・市庁舎周辺地域における市営駐車場の1日の駐車台数',
        unit: '台',
        format: '#,##0',
        benchmark: [null, 1510, 2000, 3000, 3000],
        actual: [1510, 1196],
      },
      {
        name: 'こもろ愛のりくんの年間利用者数',
        unit: '人',
        format: '#,##0',
        benchmark: [null, 55000, 56000, 58000, 60000],
        actual: [54145, 45724],
      },
      {
        // 11.2 / 14.0 is exactly the 80% threshold (0.7999… in floating point): 概ね順調
        name: 'こもろ愛のりくんの収支比率',
        unit: '%',
        benchmark: [null, 14.0, 20.0, 22.0, 25.0],
        actual: [13.0, 11.2],
      },
    ],
  });
}

/** The sample workbook, in memory. */
function buildSample() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shinchoku sample';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  sheetKihon1(wb);
  sheetSuchiMokuhyo(wb);
  sheetKenko(wb);
  sheetKotsu(wb);
  return wb;
}

async function main() {
  const out = process.argv[2] ?? path.join(__dirname, '..', 'examples', 'shinchoku-sample.xlsx');
  const wb = buildSample();
  await wb.xlsx.writeFile(out);
  process.stdout.write(`wrote ${out}\n`);
}

module.exports = { sakuTable, buildSample };

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e.stack || e}\n`);
    process.exit(1);
  });
}
