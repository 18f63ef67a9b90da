/**
 * Value-cell fixtures: the seeds' exact cell texts (tab-separated table rows in ../shared/seeds/) and what
 * `readCell` must make of them. `expected` is matched with `toMatchObject`: fields left out are not checked
 * here (the invariants are checked for every fixture in readCell.test.ts).
 */
import type { RawValue } from '../../../src/domain/grid';
import type { CellPart, CellReading, ReadCellOptions, YearTaggedValue } from '../../../src/domain/cells';

/** A partial reading, parts and year values partial too (`toMatchObject` semantics). */
export type ExpectedReading = Omit<Partial<CellReading>, 'parts' | 'yearValues'> & {
  parts?: Partial<CellPart>[];
  yearValues?: Partial<YearTaggedValue>[];
};

export interface ReadCellFixture {
  raw: RawValue;
  options?: ReadCellOptions;
  expected: ExpectedReading;
}

const value = (v: number, decimals: number, more: ExpectedReading = {}): ExpectedReading => ({
  kind: 'value',
  value: v,
  decimals,
  missing: null,
  missingReason: null,
  parts: [],
  problems: [],
  ...more,
});

const missing = (cause: CellReading['missing'], more: ExpectedReading = {}): ExpectedReading => ({
  kind: 'missing',
  value: null,
  parts: [],
  missing: cause,
  ...more,
});

export const SEED_FIXTURES: ReadCellFixture[] = [
  // --- plain numbers and thousands commas
  { raw: '78.0', expected: value(78, 1, { unit: null, scale: 1, text: '78.0' }) }, // 000 seed line 337
  { raw: '98.73', expected: value(98.73, 2) }, // 002 seed line 1869
  { raw: '0.75', expected: value(0.75, 2) }, // 002 seed line 703
  { raw: '165,120', expected: value(165120, 0) }, // 002 seed line 1208 (without its note)
  { raw: '100,273', expected: value(100273, 0) }, // 002 seed line 1209
  { raw: '1,510', expected: value(1510, 0) }, // 002 seed line 1302
  { raw: '1.72', expected: value(1.72, 2) }, // 000 seed line 304
  // --- signs
  { raw: '-15', expected: value(-15, 0) }, // 002 seed line 1710
  { raw: '+1以上', expected: value(1, 0, { comparator: 'ge' }) }, // 002 seed line 1710
  { raw: '▲312人', expected: value(-312, 0, { unit: '人' }) }, // 001 seed line 252
  { raw: '▲0.38%', expected: value(-0.38, 2, { unit: '%' }) }, // 001 seed line 253
  { raw: '▲0.44P', expected: value(-0.44, 2, { unit: 'P' }) }, // 001 seed line 180
  { raw: '△5', expected: value(-5, 0) }, // synthetic: △ is the other accountants' minus (SPEC §3)
  { raw: '−15', expected: value(-15, 0) }, // synthetic: U+2212 minus before a number
  // --- lone dashes: missing 'dash' (whole cell only)
  { raw: '-', expected: missing('dash', { missingReason: null, problems: [] }) }, // 001 seed line 277
  { raw: '−', expected: missing('dash', { problems: [] }) }, // 000 seed line 307
  { raw: '—', expected: missing('dash', { problems: [] }) }, // 002 seed line 53
  { raw: '－', expected: missing('dash', { text: '-' }) }, // synthetic: full-width hyphen-minus
  { raw: 'ー', expected: missing('dash') }, // synthetic: katakana prolonged sound mark
  { raw: '―', expected: missing('dash') }, // synthetic: horizontal bar
  { raw: '–', expected: missing('dash') }, // synthetic: en dash
  { raw: '‐', expected: missing('dash') }, // synthetic: hyphen
  { raw: ' ― ― ', expected: missing('dash') }, // synthetic: a run of dashes is still "no value"
  // --- units and scale words, glued or spaced
  { raw: '1,498千円', expected: value(1498, 0, { unit: '円', scale: 1000 }) }, // 001 seed line 236
  { raw: '18,113百万円', expected: value(18113, 0, { unit: '円', scale: 1e6 }) }, // 001 seed line 239
  { raw: '1,819 千人', expected: value(1819, 0, { unit: '人', scale: 1000 }) }, // 004 seed line 348
  { raw: '32 人', expected: value(32, 0, { unit: '人', scale: 1 }) }, // 004 seed line 356
  { raw: '22.6 %', expected: value(22.6, 1, { unit: '%' }) }, // 002 seed line 1296
  { raw: '67.5%', expected: value(67.5, 1, { unit: '%', percentFormat: false }) }, // 001 seed line 254
  { raw: '79.6％', expected: value(79.6, 1, { unit: '%', text: '79.6%' }) }, // 000 seed line 292
  { raw: '79.56歳', expected: value(79.56, 2, { unit: '歳' }) }, // 001 seed line 274
  { raw: '17種', expected: value(17, 0, { unit: '種' }) }, // 001 seed line 277
  { raw: '1,200人', expected: value(1200, 0, { unit: '人' }) }, // 000 seed line 298
  { raw: '1,997億円', expected: value(1997, 0, { unit: '円', scale: 1e8 }) }, // 004 seed line 269
  { raw: '52.3億円', expected: value(52.3, 1, { unit: '円', scale: 1e8 }) }, // 004 seed line 277
  { raw: '21.6億円', expected: value(21.6, 1, { unit: '円', scale: 1e8 }) }, // 001 seed line 359
  { raw: '14人/年', expected: value(14, 0, { unit: '人', perYear: true }) }, // 001 seed line 375
  { raw: '32億4,046万円', expected: value(324046, 0, { unit: '円', scale: 1e4 }) }, // 001 seed line 303
  { raw: '532,500 時間 (273 人)', expected: value(532500, 0, { unit: '時間', secondary: 273 }) }, // 003 seed line 522
  // --- comparators in value cells
  { raw: '5以上', expected: value(5, 0, { comparator: 'ge' }) }, // 002 seed line 1116
  { raw: '2以下', expected: value(2, 0, { comparator: 'le' }) }, // 002 seed line 702
  { raw: '306以下', expected: value(306, 0, { comparator: 'le' }) }, // 002 seed line 1037
  { raw: '13.2以内', expected: value(13.2, 1, { comparator: 'le' }) }, // 002 seed line 953
  { raw: '180以内', expected: value(180, 0, { comparator: 'le' }) }, // 002 seed line 1214
  { raw: '3未満', expected: value(3, 0, { comparator: 'lt' }) }, // synthetic: 未満 (SPEC §3)
  { raw: '10超', expected: value(10, 0, { comparator: 'gt' }) }, // synthetic: 超 (SPEC §3)
  { raw: '65歳以上', expected: value(65, 0, { unit: '歳', comparator: 'ge' }) }, // synthetic: unit then comparator
  { raw: '≧5', expected: value(5, 0, { comparator: 'ge' }) }, // synthetic: comparator symbol before the number
  // --- missing reasons
  { raw: '未公表', expected: missing('unpublished', { missingReason: 'unpublished', problems: [] }) }, // 001 seed line 239
  { raw: '算定中', expected: missing('unpublished', { missingReason: 'unpublished' }) }, // 001 seed line 283 (in a note)
  { raw: '集計中', expected: missing('unpublished', { missingReason: 'unpublished' }) }, // synthetic: SPEC §3
  { raw: '調査なし', expected: missing('no-data', { missingReason: 'no-data', problems: [] }) }, // 001 seed line 237
  { raw: '実績値なし', expected: missing('no-data', { missingReason: 'no-data' }) }, // 000 seed line 399
  { raw: '該当なし', expected: missing('no-data', { missingReason: 'no-data' }) }, // 003 seed line 556
  { raw: 'なし', expected: missing('no-data', { missingReason: 'no-data' }) }, // synthetic: なし alone
  { raw: '事業終了', expected: missing('ended', { missingReason: 'ended' }) }, // synthetic: SPEC §3
  { raw: '(算定中)', expected: missing('unpublished') }, // synthetic, after 001 seed line 177 `329 (算定中)`
  // 000 seed lines 233–235: the rule's own wording; unpublished beats "no data"
  { raw: '未公表のため実績値なし', expected: missing('unpublished') },
  // --- parentheses
  { raw: '595(803)', expected: value(595, 0, { secondary: 803, breakdown: null }) }, // 002 seed line 539
  { raw: '491 (1.27)', expected: value(491, 0, { secondary: 1.27 }) }, // 001 seed line 177
  { raw: '329 (算定中)', expected: value(329, 0, { secondary: null, note: '算定中' }) }, // 001 seed line 177
  // 002 seed line 1202
  { raw: '171(内空き家バンク契約数26件)', expected: value(171, 0, { breakdown: '内空き家バンク契約数26件', secondary: null }) },
  {
    raw: '42.7(R1確定値) 40.2(R2速報値)', // 002 seed line 789, in the 令和2年度 column
    options: { columnYear: 2020 },
    expected: value(40.2, 1, {
      provisional: true,
      yearValues: [
        { label: 'R1', fiscalYear: 2019, value: 42.7, provisional: false },
        { label: 'R2', fiscalYear: 2020, value: 40.2, provisional: true },
      ],
    }),
  },
  {
    raw: '42.7(R1確定値) 40.2(R2速報値)', // 002 seed line 789, read for a 令和元年度 column
    options: { columnYear: 2019 },
    expected: value(42.7, 1, { provisional: false }),
  },
  { raw: '42.7(R1確定値) 40.2(R2速報値)', expected: value(40.2, 1, { provisional: true }) }, // 002 seed line 789: latest
  { raw: '(79.12歳)', expected: value(79.12, 2, { unit: '歳', reference: true, problems: [] }) }, // 001 seed line 274
  { raw: '(85.48歳)', expected: value(85.48, 2, { unit: '歳', reference: true }) }, // 001 seed line 275
  { raw: '6件 (5年間の合計)', expected: value(6, 0, { unit: '件', basis: 'total' }) }, // 001 seed line 330
  { raw: '55% (5年間の平均)', expected: value(55, 0, { unit: '%', basis: 'average' }) }, // 001 seed line 351
  { raw: '21.6億円 (5年間の平均)', expected: value(21.6, 1, { scale: 1e8, basis: 'average' }) }, // 001 seed line 359
  { raw: '20人/年 (毎年度実績)', expected: value(20, 0, { unit: '人', perYear: true, basis: 'annual' }) }, // 001 seed line 375
  { raw: '1,600人/年 (計画終了時)', expected: value(1600, 0, { perYear: true, basis: 'final' }) }, // 001 seed line 426
  { raw: '0人 (計画終了時)', expected: value(0, 0, { unit: '人', basis: 'final' }) }, // 001 seed line 502
  { raw: '15.0% (計画終了時)', expected: value(15, 1, { unit: '%', basis: 'final' }) }, // 001 seed line 560
  { raw: '165,120 ※平成30年度数値', expected: value(165120, 0, { note: '平成30年度数値' }) }, // 002 seed line 1208
  // --- compound values: parts, value null
  {
    raw: '小93.5 中98.1', // 002 seed line 52
    expected: {
      kind: 'value',
      value: null,
      decimals: 1,
      parts: [
        { label: '小', value: 93.5, decimals: 1, comparator: null },
        { label: '中', value: 98.1, decimals: 1, comparator: null },
      ],
    },
  },
  {
    raw: '小100 中100', // 002 seed line 52
    expected: { kind: 'value', value: null, parts: [{ label: '小', value: 100 }, { label: '中', value: 100 }] },
  },
  {
    raw: '小88.2 中76.0', // 002 seed line 64
    expected: { value: null, parts: [{ label: '小', value: 88.2 }, { label: '中', value: 76, decimals: 1 }] },
  },
  {
    raw: '男性80.0 女性85.1', // 002 seed line 782
    expected: { kind: 'value', value: null, parts: [{ label: '男性', value: 80 }, { label: '女性', value: 85.1 }] },
  },
  {
    raw: '男性83.6以上 女性85.1以上', // 002 seed line 947
    expected: {
      kind: 'value',
      value: null,
      comparator: 'ge',
      parts: [
        { label: '男性', value: 83.6, comparator: 'ge' },
        { label: '女性', value: 85.1, comparator: 'ge' },
      ],
    },
  },
  {
    raw: '3世帯9人', // 001 seed line 437: one part per unit
    expected: {
      kind: 'value',
      value: null,
      unit: null,
      parts: [
        { label: '世帯', value: 3, unit: '世帯' },
        { label: '人', value: 9, unit: '人' },
      ],
    },
  },
  {
    raw: '5世帯15人 (5年間の合計)', // 001 seed line 437
    expected: { value: null, basis: 'total', parts: [{ label: '世帯', value: 5 }, { label: '人', value: 15 }] },
  },
  // --- not values
  // 001 seed line 446
  { raw: '移住定住促進事業との共通指標', expected: missing('unreadable', { missingReason: null }) },
  // 002 seed line 457: a KPI name that starts with a number is not a value with a comparator
  {
    raw: '1年以内に、差別や偏見など人権を侵害されたことのある人の割合(市民意識調査)',
    expected: missing('unreadable', { comparator: null }),
  },
  // 002 seed line 1631
  { raw: '過去3年以内に、区等で開催された行事や活動に参加したことがある市民の割合', expected: missing('unreadable') },
  // 000 seed lines 291–292 run together in one cell: a header and a value are not one value
  { raw: 'R5目安値 79.6％', expected: missing('unreadable') },
];

/** Full-width variants: NFKC makes them the same as their half-width seeds. */
export const FULL_WIDTH_FIXTURES: ReadCellFixture[] = [
  { raw: '７８．１％', expected: value(78.1, 1, { unit: '%', text: '78.1%' }) },
  { raw: '▲３１２人', expected: value(-312, 0, { unit: '人' }) },
  { raw: '（７９．１２歳）', expected: value(79.12, 2, { unit: '歳', reference: true }) },
  { raw: '１，４９８千円', expected: value(1498, 0, { unit: '円', scale: 1000 }) },
  { raw: '５９５（８０３）', expected: value(595, 0, { secondary: 803 }) },
  { raw: '＋１以上', expected: value(1, 0, { comparator: 'ge' }) },
  { raw: '６件　（５年間の合計）', expected: value(6, 0, { basis: 'total' }) },
  { raw: '小９３．５　中９８．１', expected: { parts: [{ label: '小', value: 93.5 }, { label: '中', value: 98.1 }] } },
  { raw: '　２２．６　％\n', expected: value(22.6, 1, { unit: '%', text: '22.6 %' }) },
  { raw: 'ｰ', expected: missing('dash') },
];
