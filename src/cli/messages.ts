/** What the CLI prints, per language. Japanese is the default (`--lang en` for English). */

export const USAGE = `進捗 Shinchoku — 総合戦略・総合計画の KPI 進捗区分を Excel ブックで判定します

使い方:
  shinchoku evaluate <入力.xlsx> [--out <出力.xlsx>] [--report <report.json>] [--scheme <id|file.json>]
                     [--sheets <シート名,...>] [--as-of <年度>] [--overwrite] [--notes] [--accept-loss] [--lang ja|en]
  shinchoku evaluate <a.xlsx> <b.xlsx> ... --out-dir <フォルダ>
  shinchoku scan <入力.xlsx>             検出した表・指標と問題点を表示します（何も書き込みません）
  shinchoku restore <ファイル.xlsx> [--out <出力.xlsx>] [--accept-loss]   前回の評価で変えたセルを元に戻します

オプション:
  --out <file>       出力ブック（省略時は <入力>.evaluated.xlsx。入力ファイルは --out で指定しない限り変更しません）
  --out-dir <dir>    複数ファイルの出力先（<名前>.evaluated.xlsx と <名前>.report.json）
  --report <file>    判定結果の JSON レポート
  --scheme <id|file> 評価方式: saku（既定）, iwamizawa, abcd, nagayo, marks、または方式を書いた JSON ファイル
  --sheets <names>   対象シート（カンマ区切り）
  --as-of <年度>     評価年度（2023, R5, 令和5年度）。省略時は実績欄に記入のある年度を判定
  --overwrite        区分以外の内容がある進捗区分セルも上書きする
  --notes            各進捗区分セルに判定の根拠をメモとして付ける
  --accept-loss      構造を読み切れないブックを作り直して保存するとき、グラフ・ピボットテーブル・図形などが失われても出力する
                     （既定では出力しません。Excel のアドインならすべて残ります）
  --lang ja|en       表示と集計シートの言語
  --debug            エラー時に詳細（スタックトレース）を表示

終了コード: 0 成功 / 1 使い方の誤り・読めないファイル / 2 完了したが解釈できないセルあり（レポート参照）

Shinchoku evaluates the KPI progress tables of Japanese municipal strategy workbooks.

Usage:
  shinchoku evaluate <in.xlsx> [--out <out.xlsx>] [--report <report.json>] [--scheme <id|file.json>]
                     [--sheets <name,...>] [--as-of <fiscal year>] [--overwrite] [--notes] [--accept-loss] [--lang ja|en]
  shinchoku evaluate <a.xlsx> <b.xlsx> ... --out-dir <dir>
  shinchoku scan <in.xlsx>               show detected tables, KPIs and problems; writes nothing
  shinchoku restore <file.xlsx> [--out <out.xlsx>] [--accept-loss]   put back the cells the last evaluation changed

  --accept-loss      for a workbook whose structure cannot be followed: write it rebuilt even though charts, pivot tables, shapes, … would be left out
                     (by default nothing is written; the Excel add-in keeps everything)

Exit status: 0 success, 1 bad usage or unreadable file, 2 finished but some cells could not be interpreted.
`;

export interface Messages {
  fileMissing: (file: string) => string;
  fileUnreadable: (file: string, reason: string) => string;
  schemeInvalid: (detail: string) => string;
  noKpi: (file: string) => string;
  wrote: (file: string) => string;
  reportWrote: (file: string) => string;
  kpisFound: (n: number, tables: number) => string;
  problemsFound: (n: number) => string;
  asOf: (year: number | null) => string;
  progress: (i: number, n: number, file: string) => string;
  noBackup: (file: string) => string;
  restored: (cells: number, sheets: number, out: string) => string;
  unchanged: string;
  refused: (n: number) => string;
  /** Reasons a file could not be read or written (after the file name). */
  permissionDenied: string;
  locked: string;
  isDirectory: string;
  readOnlyDisk: string;
  diskFull: string;
  noSuchPath: string;
  tooLarge: string;
  cannotWrite: (file: string, reason: string) => string;
  wouldReplaceInput: (file: string) => string;
  sameOutput: (file: string) => string;
  /** `what`: `describeUnkept` in the message's language; `why`: why the file could not be written part by part. */
  wouldLose: (file: string, what: string, why: string) => string;
  willLose: (what: string) => string;
  savedByExcelJS: (why: string) => string;
}

export const MESSAGES: Record<'ja' | 'en', Messages> = {
  ja: {
    fileMissing: (f) => `${f}: ファイルが見つかりません`,
    fileUnreadable: (f, r) => `${f}: ${r}`,
    schemeInvalid: (d) => `--scheme: 評価方式が不正です: ${d}`,
    noKpi: (f) => `${f}: KPI の表が見つかりませんでした（指標名・目安値・実績値などの見出しを探します）。出力ブックは作りません`,
    wrote: (f) => `出力ブック: ${f}`,
    reportWrote: (f) => `レポート: ${f}`,
    kpisFound: (n, t) => `${t} 個の表から ${n} 件の指標を評価しました`,
    problemsFound: (n) => `確認が必要な点: ${n} 件（レポートまたは集計シートを参照）`,
    asOf: (y) => (y === null ? '評価年度: 実績欄に記入のある年度' : `評価年度: ${y} 年度`),
    progress: (i, n, f) => `[${i}/${n}] ${f}`,
    noBackup: (f) => `${f}: バックアップがありません（このブックは進捗で評価されていません）`,
    restored: (c, s, o) => `${c} セルを元に戻し、${s} 枚のシートを取り除きました: ${o}`,
    unchanged: '入力ファイルは変更していません',
    refused: (n) => `書き込まなかったセル: ${n} 件（数式・保護・結合・区分以外の内容）`,
    permissionDenied: 'アクセス権がありません（読み取り専用か、他のユーザーのファイルです） / permission denied',
    locked: '他のプログラムが使用中です（Excel で開いていれば閉じてください） / locked by another program',
    isDirectory: 'フォルダです / is a directory',
    readOnlyDisk: '読み取り専用のドライブです / read-only drive',
    diskFull: 'ディスクの空きがありません / disk full',
    noSuchPath: 'フォルダが見つかりません / no such folder',
    tooLarge: 'ファイルが大きすぎます / file too large',
    cannotWrite: (f, r) => `${f}: 書き込めません（${r}）。何も書き換えていません / cannot write; nothing was changed`,
    wouldReplaceInput: (f) => `${f}: レポートの出力先が入力ブックか出力ブックと同じです / the report would replace a workbook`,
    sameOutput: (f) => `${f}: 同じ名前の入力が複数あり、--out-dir の出力が重なります / two inputs share this name: their outputs would collide in --out-dir`,
    wouldLose: (f, w, why) =>
      `${f}: このブックは構造を読み切れないため（${why}）作り直して保存するしかなく、${w} が出力から失われます。何も書いていません。Excel のアドインで実行するか（すべて残ります）、失ってよければ --accept-loss を付けてください`,
    willLose: (w) => `注意: 出力ブックには ${w} が含まれません（--accept-loss）。元のブックはそのままです`,
    savedByExcelJS: (why) => `注意: このブックは構造を読み切れないため（${why}）、ブック全体を作り直して保存しました`,
  },
  en: {
    fileMissing: (f) => `${f}: file not found`,
    fileUnreadable: (f, r) => `${f}: ${r}`,
    schemeInvalid: (d) => `--scheme: invalid scheme: ${d}`,
    noKpi: (f) => `${f}: no KPI table found (looked for headers such as 指標名, 目安値, 実績値); no output workbook written`,
    wrote: (f) => `Output workbook: ${f}`,
    reportWrote: (f) => `Report: ${f}`,
    kpisFound: (n, t) => `Evaluated ${n} KPIs in ${t} tables`,
    problemsFound: (n) => `Needs a look: ${n} (see the report or the summary sheet)`,
    asOf: (y) => (y === null ? 'As of: every year with an entry' : `As of fiscal year ${y}`),
    progress: (i, n, f) => `[${i}/${n}] ${f}`,
    noBackup: (f) => `${f}: no backup found (this workbook was not evaluated by Shinchoku)`,
    restored: (c, s, o) => `Restored ${c} cells and removed ${s} sheets: ${o}`,
    unchanged: 'The input file was not modified',
    refused: (n) => `Cells left unchanged: ${n} (formula, protected, merged or non-category content)`,
    permissionDenied: 'permission denied (read-only, or another user\'s file)',
    locked: 'locked by another program (close it in Excel)',
    isDirectory: 'is a directory',
    readOnlyDisk: 'read-only drive',
    diskFull: 'disk full',
    noSuchPath: 'no such folder',
    tooLarge: 'file too large',
    cannotWrite: (f, r) => `${f}: cannot write (${r}); nothing was changed`,
    wouldReplaceInput: (f) => `${f}: the report would replace the input or the output workbook`,
    sameOutput: (f) => `${f}: two inputs share this name: their outputs would collide in --out-dir`,
    wouldLose: (f, w, why) =>
      `${f}: the structure of this workbook could not be followed (${why}), so it could only be saved rebuilt, without its ${w}; nothing was written. Use the Excel add-in (it keeps everything), or add --accept-loss if losing them is fine`,
    willLose: (w) => `Note: the output workbook does not contain ${w} (--accept-loss); the input is unchanged`,
    savedByExcelJS: (why) => `Note: the structure of this workbook could not be followed (${why}); the whole workbook was rebuilt to save it`,
  },
};
