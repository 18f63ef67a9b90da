/**
 * Japanese UI text: the source of truth for the catalogue's keys (en.ts must have exactly the same keys,
 * checked by the compiler and by test/taskpane/i18n.test.ts). Functions take the values they interpolate.
 */
export const ja = {
  appTitle: '進捗 Shinchoku',
  appSubtitle: 'KPI の進捗を判定します',
  browserMode: 'Excel の外で開かれています。ブラウザ版として動作します。',
  startupProblem: (detail: string) => `Office の初期化に失敗したため、ブラウザ版として動作します: ${detail}`,
  scanSheet: 'このシートを調べる',
  scanning: 'シートを読み取っています…',
  readFailed: 'シートを読み取れませんでした',
  detectFailed: '表を検出できませんでした',
  workbookUnchanged: 'ブックは変更されていません。',
  kpisFound: (count: number, sheet: string) => `シート「${sheet}」で ${count} 件の指標を検出しました`,
  noKpis: (sheet: string) =>
    `シート「${sheet}」に指標の表が見つかりませんでした。指標名・目標値・実績値などの見出しがある表か確かめてください。`,
  problemsFound: (count: number) => `読み取れなかったセルが ${count} か所あります`,
  kpiListLabel: '検出した指標',
  unitLabel: '単位',
  noUnit: 'なし',
  yearsLabel: '年度',
  noYears: '年度の列なし',
  listSeparator: '、',
};

export type Messages = typeof ja;
export type MessageKey = keyof Messages;
