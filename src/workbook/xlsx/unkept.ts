/**
 * What ExcelJS does not keep. The CLI and the browser page save through ExcelJS, which rebuilds the package from
 * its own model: parts it has no model for (charts, pivot tables, shapes, macros, external links, …) are not
 * written back (exceljs issues #141, #1734, #2607; `test/workbook/xlsx/unkept.test.ts` shows each one go). The
 * Office add-in writes through Excel itself and keeps everything. This finds such parts before anything is
 * written, so that the user is told, by name and sheet, and nothing is lost without their say.
 */

import type { PackageView } from './opcPackage';
import { relsPartOf, relTargets } from './opcPackage';

export type UnkeptKind =
  | 'chart'
  | 'chartsheet'
  | 'pivot'
  | 'slicer'
  | 'externalLink'
  | 'macro'
  | 'shape'
  | 'sparkline'
  | 'threadedComment'
  | 'control'
  | 'embedded'
  | 'connection'
  | 'richData'
  | 'customProperties'
  | 'other';

export interface UnkeptItem {
  kind: UnkeptKind;
  count: number;
  /** Sheets it sits on, where the package says so (charts and shapes through their drawing, sparklines). */
  sheets: string[];
  /** The content types behind an `other` item, for the IT person reading the message. */
  types: string[];
}

const LABELS: Record<UnkeptKind, { ja: string; en: string }> = {
  chart: { ja: 'グラフ', en: 'charts' },
  chartsheet: { ja: 'グラフシート', en: 'chart sheets' },
  pivot: { ja: 'ピボットテーブル', en: 'pivot tables' },
  slicer: { ja: 'スライサー・タイムライン', en: 'slicers / timelines' },
  externalLink: { ja: '他のブックへのリンク', en: 'links to other workbooks' },
  macro: { ja: 'マクロ', en: 'macros' },
  shape: { ja: '図形・テキストボックス', en: 'shapes / text boxes' },
  sparkline: { ja: 'スパークライン', en: 'sparklines' },
  threadedComment: { ja: 'スレッド形式のコメント', en: 'threaded comments' },
  control: { ja: 'フォームコントロール・ActiveX', en: 'form / ActiveX controls' },
  embedded: { ja: '埋め込みオブジェクト', en: 'embedded objects' },
  connection: { ja: 'データ接続・クエリ', en: 'data connections / queries' },
  richData: { ja: 'セル内の画像・データ型', en: 'pictures in cells / data types' },
  customProperties: { ja: 'ユーザー設定の文書プロパティ（秘密度ラベルなど）', en: 'custom document properties (sensitivity labels, …)' },
  other: { ja: 'その他の部品', en: 'other parts' },
};

/** Content types (a distinctive part of them) → kind. First match wins; the order matters for `macroEnabled`. */
const BY_TYPE: [RegExp, UnkeptKind][] = [
  [/drawingml\.chart(?:shapes)?\+xml$/i, 'chart'],
  [/spreadsheetml\.chartsheet\+xml$/i, 'chartsheet'],
  [/spreadsheetml\.pivotTable\+xml$/i, 'pivot'],
  [/spreadsheetml\.pivotCache(?:Definition|Records)\+xml$/i, 'pivot'],
  [/(?:slicer|slicerCache|timeline|timelineCache)\+xml$/i, 'slicer'],
  [/spreadsheetml\.externalLink\+xml$/i, 'externalLink'],
  [/macroEnabled|vbaProject|vbaData|ms-office\.vba/i, 'macro'],
  [/spreadsheetml\.(?:dialogsheet|macrosheet|intlmacrosheet)\+xml$/i, 'macro'],
  [/threadedcomments\+xml$|spreadsheetml\.person\+xml$/i, 'threadedComment'],
  [/ctrlProps\+xml$|activeX/i, 'control'],
  [/oleObject|\.package$/i, 'embedded'],
  [/connections\+xml$|queryTable\+xml$/i, 'connection'],
  [/sheetMetadata\+xml$|rdrichvalue|rdRichValue|richData|rdarray|rdsupportingpropertybag/i, 'richData'],
  [/custom-properties\+xml$/i, 'customProperties'],
];

/** Types ExcelJS writes back (or that Excel rebuilds by itself: the calculation chain, printer driver blobs). */
const KEPT: RegExp[] = [
  /spreadsheetml\.sheet\.main\+xml$/i,
  /spreadsheetml\.template\.main\+xml$/i,
  /spreadsheetml\.worksheet\+xml$/i,
  /spreadsheetml\.sharedStrings\+xml$/i,
  /spreadsheetml\.styles\+xml$/i,
  /spreadsheetml\.table\+xml$/i,
  /spreadsheetml\.comments\+xml$/i,
  /spreadsheetml\.calcChain\+xml$/i,
  /spreadsheetml\.printerSettings$/i,
  /officedocument\.theme\+xml$/i,
  /officedocument\.drawing\+xml$/i, // the pictures in it are kept; its shapes are checked one by one
  /officedocument\.vmlDrawing$/i,
  /officedocument\.extended-properties\+xml$/i,
  /package\.core-properties\+xml$/i,
  /package\.relationships\+xml$/i,
  /^image\//i,
  /^application\/xml$/i,
];

/** Shapes, connectors and groups in a drawing part (pictures are `pic` and are kept). */
const SHAPE = /<(?:\w+:)?(?:sp|grpSp|cxnSp)\b/g;
const SPARKLINE_GROUP = /<(?:\w+:)?sparklineGroup\b/g;

export function countSparklineGroups(worksheetXml: string): number {
  return worksheetXml.match(SPARKLINE_GROUP)?.length ?? 0;
}

/** Everything in the package that an ExcelJS save would leave out, grouped by kind, in a stable order. */
export function findUnkept(pkg: PackageView): UnkeptItem[] {
  const items = new Map<UnkeptKind, UnkeptItem>();
  const add = (kind: UnkeptKind, count: number, sheet: string | null, type: string | null): void => {
    let item = items.get(kind);
    if (!item) items.set(kind, (item = { kind, count: 0, sheets: [], types: [] }));
    item.count += count;
    if (sheet !== null && !item.sheets.includes(sheet)) item.sheets.push(sheet);
    if (type !== null && !item.types.includes(type)) item.types.push(type);
  };

  // Which sheet each drawing (and through it, each chart) belongs to.
  const sheetOf = new Map<string, string>();
  for (const [sheetPart, name] of pkg.sheetNames) {
    for (const drawing of relTargets(pkg.text(relsPartOf(sheetPart)), sheetPart)) {
      sheetOf.set(drawing, name);
      for (const inner of relTargets(pkg.text(relsPartOf(drawing)), drawing)) sheetOf.set(inner, name);
    }
  }

  for (const part of pkg.parts) {
    if (part.endsWith('/')) continue;
    const type = pkg.types.get(part) ?? '';
    const kind = BY_TYPE.find(([re]) => re.test(type))?.[1] ?? (/^xl\/embeddings\//i.test(part) ? 'embedded' : null);
    if (kind) {
      // What the user counts: pivot tables (not their caches), charts (not their inner shapes), comments (not authors).
      const helper = /pivotCache|chartshapes|person\+xml$/i.test(type);
      add(kind, helper ? 0 : 1, sheetOf.get(part) ?? null, null);
    } else if (/officedocument\.drawing\+xml$/i.test(type)) {
      const shapes = pkg.text(part).match(SHAPE)?.length ?? 0;
      if (shapes > 0) add('shape', shapes, sheetOf.get(part) ?? null, null);
    } else if (/spreadsheetml\.worksheet\+xml$/i.test(type)) {
      const groups = pkg.sparklineGroups(part);
      if (groups > 0) add('sparkline', groups, pkg.sheetNames.get(part) ?? null, null);
    } else if (type !== '' && !KEPT.some((re) => re.test(type))) {
      add('other', 1, null, type); // custom XML data, add-in bindings, …: small, but still the user's
    }
  }
  for (const item of items.values()) item.count = Math.max(1, item.count); // caches without their table, say
  const order = Object.keys(LABELS) as UnkeptKind[];
  return [...items.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** One line per language: `グラフ 2（基本目標1）、ピボットテーブル 1` / `charts 2 (基本目標1), pivot tables 1`. */
export function describeUnkept(items: readonly UnkeptItem[], lang: 'ja' | 'en'): string {
  return items
    .map((item) => {
      const where = item.sheets.length > 0 ? item.sheets.slice(0, 3).join(lang === 'ja' ? '・' : ', ') + (item.sheets.length > 3 ? ' …' : '') : '';
      const types = item.kind === 'other' ? item.types.slice(0, 2).join(', ') : '';
      const detail = [where, types].filter(Boolean).join('; ');
      const label = LABELS[item.kind][lang];
      return lang === 'ja' ? `${label} ${item.count}${detail ? `（${detail}）` : ''}` : `${label} ${item.count}${detail ? ` (${detail})` : ''}`;
    })
    .join(lang === 'ja' ? '、' : ', ');
}
