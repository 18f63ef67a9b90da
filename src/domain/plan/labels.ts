/** Texts written into the workbook (summary sheet), per language. Japanese is the default. */
export type Lang = 'ja' | 'en';

export interface SummaryLabels {
  title: string;
  asOf: string;
  asOfLatest: string;
  scheme: string;
  legend: string;
  countsTitle: string;
  group: string;
  total: string;
  kpiTitle: string;
  noGroup: string;
  columns: {
    group: string;
    name: string;
    unit: string;
    baseline: string;
    baselineYear: string;
    target: string;
    targetYear: string;
    actual: string;
    actualYear: string;
    benchmark: string;
    ratio: string;
    category: string;
    direction: string;
    slope: string;
    projection: string;
    outlook: string;
    tentative: string;
    source: string;
  };
  open: string;
  tentativeMark: string;
  directions: { up: string; down: string; maintain: string };
  generatedBy: string;
}

const ja: SummaryLabels = {
  title: 'KPI 進捗集計',
  asOf: '評価年度',
  asOfLatest: '各指標の最新年度',
  scheme: '評価方式',
  legend: '区分の意味',
  countsTitle: 'グループ別の進捗区分（各指標の最新年度）',
  group: 'グループ',
  total: '計',
  kpiTitle: '指標一覧',
  noGroup: '（グループなし）',
  columns: {
    group: 'グループ',
    name: '指標名',
    unit: '単位',
    baseline: '基準値',
    baselineYear: '基準年度',
    target: '目標値',
    targetYear: '目標年度',
    actual: '最新実績値',
    actualYear: '実績年度',
    benchmark: '目安値',
    ratio: '達成率',
    category: '進捗区分',
    direction: '方向',
    slope: '傾き（年あたり）',
    projection: '目標年度の推計値',
    outlook: '見通し',
    tentative: '推計の確からしさ',
    source: '元のセル',
  },
  open: '開く',
  tentativeMark: '参考',
  directions: { up: '増やす', down: '減らす', maintain: '維持' },
  generatedBy: 'このシートは進捗 (Shinchoku) が作成し、実行のたびに作り直します。手で書き込まないでください。',
};

const en: SummaryLabels = {
  title: 'KPI progress summary',
  asOf: 'As of fiscal year',
  asOfLatest: 'latest year of each KPI',
  scheme: 'Scheme',
  legend: 'Categories',
  countsTitle: 'Categories per group (latest year of each KPI)',
  group: 'Group',
  total: 'Total',
  kpiTitle: 'KPIs',
  noGroup: '(no group)',
  columns: {
    group: 'Group',
    name: 'KPI',
    unit: 'Unit',
    baseline: 'Baseline',
    baselineYear: 'Baseline year',
    target: 'Target',
    targetYear: 'Target year',
    actual: 'Latest actual',
    actualYear: 'Actual year',
    benchmark: 'Benchmark',
    ratio: 'Ratio',
    category: 'Category',
    direction: 'Direction',
    slope: 'Slope (per year)',
    projection: 'Projection at target year',
    outlook: 'Outlook',
    tentative: 'Trend confidence',
    source: 'Source cells',
  },
  open: 'Open',
  tentativeMark: 'tentative',
  directions: { up: 'higher is better', down: 'lower is better', maintain: 'maintain' },
  generatedBy: 'Shinchoku made this sheet and rebuilds it on every run. Do not edit it by hand.',
};

export function summaryLabels(lang: Lang): SummaryLabels {
  return lang === 'en' ? en : ja;
}

/**
 * Whether a cell holds the notice Shinchoku writes in A2 of its summary sheet (either language): how its own
 * summary is recognised by content, not by name — never read as a KPI table, and the only kind of sheet a
 * restore deletes besides the settings and backup (a tampered backup cannot get a user's sheet deleted).
 */
export function isSummaryNotice(value: unknown): boolean {
  return typeof value === 'string' && (value === ja.generatedBy || value === en.generatedBy);
}
