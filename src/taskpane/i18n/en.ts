import type { Messages } from './ja';

/** English UI text. Same keys as ja.ts (the compiler rejects a missing or extra key). */
export const en: Messages = {
  appTitle: 'Shinchoku (進捗)',
  appSubtitle: 'Judges the progress of your KPIs',
  browserMode: 'Opened outside Excel. Running as the browser version.',
  startupProblem: (detail: string) => `Office failed to start, running as the browser version: ${detail}`,
  scanSheet: 'Scan this sheet',
  scanning: 'Reading the sheet…',
  readFailed: 'Could not read the sheet',
  detectFailed: 'Could not detect the tables',
  workbookUnchanged: 'The workbook was not changed.',
  kpisFound: (count: number, sheet: string) =>
    `Found ${count} ${count === 1 ? 'KPI' : 'KPIs'} on sheet “${sheet}”`,
  noKpis: (sheet: string) =>
    `No KPI table found on sheet “${sheet}”. Check that the table has headers such as 指標名, 目標値 and 実績値.`,
  problemsFound: (count: number) => `${count} ${count === 1 ? 'cell' : 'cells'} could not be read`,
  kpiListLabel: 'Detected KPIs',
  unitLabel: 'Unit',
  noUnit: 'none',
  yearsLabel: 'Years',
  noYears: 'no year columns',
  listSeparator: ', ',
};
