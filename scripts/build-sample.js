#!/usr/bin/env node
'use strict';
/**
 * Builds examples/shinchoku-sample.xlsx: the municipal tables of ../shared/seeds rebuilt as the Excel sheets
 * staff keep (our own layout work; every number is the seed's, cited by file and line). Document dates are
 * fixed; the zip entries still carry the build time, so the bytes differ between builds, never the cells.
 *
 *   node scripts/build-sample.js [out-dir]   → shinchoku-sample.xlsx (saku scheme), iwamizawa-sample.xlsx
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

/**
 * One 小諸市-style indicator block (002 seed lines 127–138): `指標名 | name`, `設定理由`, `算式 … 単位 | unit`,
 * `目標値 | 計画策定時 | | 令和2年度 …`, `| baseline | 計画 | plans…`, `| | 実績 | actuals…`. No status row.
 */
function komoroBlock(ws, top, spec) {
  const years = spec.years ?? ['令和2年度', '令和3年度', '令和4年度', '令和5年度'];
  ws.getCell(top, 1).value = '指標名';
  ws.getCell(top, 2).value = spec.name;
  ws.mergeCells(top, 2, top, 3 + years.length);
  ws.getCell(top + 1, 1).value = '設定理由';
  ws.getCell(top + 1, 2).value = spec.reason ?? '';
  ws.mergeCells(top + 1, 2, top + 1, 3 + years.length);
  ws.getCell(top + 2, 1).value = '算式';
  ws.getCell(top + 2, 2 + years.length).value = '単位';
  ws.getCell(top + 2, 3 + years.length).value = spec.unit ?? '';
  ['目標値', '計画策定時', null, ...years].forEach((v, i) => {
    if (v !== null) ws.getCell(top + 3, i + 1).value = v;
  });
  ws.getCell(top + 4, 2).value = spec.baseline ?? null;
  ws.getCell(top + 4, 3).value = '計画';
  (spec.plan ?? []).forEach((v, i) => (ws.getCell(top + 4, 4 + i).value = v));
  ws.getCell(top + 5, 3).value = '実績';
  (spec.actual ?? []).forEach((v, i) => (ws.getCell(top + 5, 4 + i).value = v));
  styleTable(ws, top + 3, 1, top + 5, 3 + years.length);
  return top + 6;
}

function sheetKosodate(wb) {
  const ws = wb.addWorksheet('施策1-2 子育て・環境');
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 16;
  for (let c = 3; c <= 8; c++) ws.getColumn(c).width = 12;
  text(ws, 1, '政策1 施策1-2 安心して子どもを産み育てることができる環境づくり', { bold: true, size: 13 });
  text(ws, 2, '◆成果指標(アウトカム)', { bold: true });
  // 002 seed lines 127–138
  let row = komoroBlock(ws, 3, {
    name: '子育てしやすい環境づくりに対する市民満足度(市民意識調査)',
    reason: '子どもが心身ともに健やかに育つために、安心して子育てができる環境が必要であるから。',
    unit: '%',
    baseline: 55.8,
    plan: [56.5, 57.0, 57.5, 58.0],
    actual: [55.2],
  });
  row = komoroBlock(ws, row, {
    name: '要保護児童対策地域協議会の進行管理ケースの中で支援が終了したケースの割合',
    reason: '児童虐待があった、またそのリスクの高い家庭を積極的に支援し、児童等の適切な養育につなげるため。',
    unit: '%',
    baseline: 19,
    plan: [20, 20, 20, 20],
    actual: [44],
  });
  // 002 seed lines 139–144: the empty template block staff leave in the sheet (ignored)
  row = komoroBlock(ws, row, { name: null, unit: '' });
  // 002 seed lines 535–541: decreasing plan (lower is better) with the 事業系 total in parentheses
  komoroBlock(ws, row + 1, {
    name: '一人一日当たりごみの排出量(家庭系ごみ、括弧内は事業系ごみを含めた値)',
    reason: 'ごみを減らすことにより処理費用の削減と処理時に発生する温室効果ガスの削減につながるから。',
    unit: 'g',
    baseline: '595(803)',
    plan: ['594(800)', '593(797)', '592(794)', '591(791)'],
    actual: ['600(814)'],
  });
}

/**
 * One 岩見沢市 KPI table (001 seed lines 233–287): a 【基本目標N】 heading, the header
 * `重要業績評価指標 (KPI) | | 基準値 | 目標値 | 実績 | 状況` (the KPI header merged over the aim and indicator
 * columns), one row per KPI with the values as written (units glued on), footnotes below.
 */
function iwamizawaTable(ws, top, heading, rows, notes) {
  ws.getCell(top, 1).value = heading;
  ws.getCell(top, 1).font = { bold: true };
  const header = top + 1;
  ['重要業績評価指標 (KPI)', null, '基準値', '目標値', '実績', '状況'].forEach((v, i) => {
    if (v !== null) ws.getCell(header, i + 1).value = v;
  });
  ws.mergeCells(header, 1, header, 2);
  rows.forEach((r, i) => r.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(header + 1 + i, c + 1).value = v)));
  styleTable(ws, header, 1, header + rows.length, 6);
  let row = header + rows.length + 2;
  for (const note of notes) ws.getCell(row++, 1).value = note;
  return row + 1;
}

/** The 岩見沢市 KPI tables of 001 seed lines 233–287 on one sheet; 状況 left empty for Shinchoku to fill. */
function buildIwamizawa() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shinchoku sample';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('重要業績評価指標');
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 34;
  for (let c = 3; c <= 6; c++) ws.getColumn(c).width = 13;
  ws.getCell(1, 1).value = '(2) 重要業績評価指標 (KPI) の進捗状況について';
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  let row = iwamizawaTable(ws, 3, '【基本目標1】安定した雇用を創出するとともに、経済を支える人材を育て活かす', [
    ['総所得の向上', '①1人あたりの総所得', '1,498千円', '1,600千円', '1,622千円'],
    ['労働生産性の向上', '②従業者1人あたりの付加価値額', '3,539千円', '3,750千円', '調査なし'],
    [null, '③従業者1人あたりの製造品出荷額等', '28,903千円', '29,000千円', '30,201千円'],
    ['農業の生産性の向上', '④農業産出額', '18,113百万円', '18,200百万円', '未公表'],
  ], ['①課税状況調 (基準値: 2018年、目標値: 計画期間終了時点)', '②経済センサス活動調査 (基準値: 2016年、目標値: 計画期間内における最新の実績)', '③工業統計調査※製造業 (基準値: 2016~2018年平均、目標値: 計画期間内における最新の実績)', '④市町村別農業産出額<推計> (基準値: 2015~2017年平均、目標値: 計画期間終了時点)']);
  row = iwamizawaTable(ws, row, '【基本目標2】新しい「ひとの流れ」をつくる', [
    ['転出超過数を2014年の2分の1に抑制', '①転出超過数', '▲312人', '▲275人', '▲341人'],
    ['人口の社会増減率の改善', '②人口の社会増減率', '▲0.38%', '▲0.36%', '▲0.42%'],
    ['定住意向の向上', '③「住み続けたい」の回答割合', '67.5%', '70.0%', '調査なし'],
  ], ['①②住民基本台帳人口 (基準値: 2018年、目標値: 計画期間終了時点)', '③市民意識調査 (基準値: 2018年実施調査、目標値: 計画期間内における最新の実績)']);
  row = iwamizawaTable(ws, row, '【基本目標 3】結婚・出産・子育ての希望をかなえる、誰もが活躍できる地域社会をつくる', [
    ['合計特殊出生率の向上', '①合計特殊出生率 (単年)', 1.26, '1.40', 1.18],
    [null, '②合計特殊出生率 (5か年平均)', 1.25, '1.40', 1.21],
    ['子育てに関する不安や負担の軽減', '③不安や負担を「感じない」の回答割合', '46.0%', '50.0%', '調査なし'],
  ], ['①②岩見沢市算定数値 (基準値：2018年、目標値：計画期間終了時点)', '③子ども・子育てプランニース調査 (基準値：2019年実施調査、目標値：計画期間内における最新の実績)']);
  iwamizawaTable(ws, row, '【基本目標 4】安心して暮らすことができる地域をつくとともに、新しい時代の流れを力にする', [
    ['健康寿命の延伸※3', '①健康寿命 (男性)', '79.56歳', '80.65歳', '(79.12歳)'],
    [null, '②健康寿命 (女性)', '86.07歳', '88.73歳', '(85.48歳)'],
    ['総合的な雪対策に対する評価の向上', '③「評価する」の回答割合※4', '63.4%', '70.0%', '調査なし'],
    ['ICTを活用したサービスの創出', '④新たな利活用サービスの実装数', '-', '17種', '5種'],
  ], ['①②介護保険データを用いた簡易な算定方式 (基準値：2017年度、目標値：計画期間終了時点)', '③市民意識調査 (基準値：2018年実施調査、目標値：計画期間内における最新の実績)', '④岩見沢市算定数値 (目標値：計画期間終了時点)']);
  return wb;
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
  sheetKosodate(wb);
  return wb;
}

async function main() {
  const dir = process.argv[2] ?? path.join(__dirname, '..', 'examples');
  for (const [name, build] of [
    ['shinchoku-sample.xlsx', buildSample],
    ['iwamizawa-sample.xlsx', buildIwamizawa],
  ]) {
    const out = path.join(dir, name);
    await build().xlsx.writeFile(out);
    process.stdout.write(`wrote ${out}\n`);
  }
}

module.exports = { sakuTable, komoroBlock, iwamizawaTable, buildSample, buildIwamizawa };

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e.stack || e}\n`);
    process.exit(1);
  });
}
