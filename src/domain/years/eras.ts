/**
 * Japanese eras (元号) and their Western years. A fiscal year (年度) runs April–March and is named after the
 * year it starts in, so 令和元年度 = FY2019 even though 2019 began in 平成31年.
 */

export type EraName = 'reiwa' | 'heisei' | 'showa' | 'taisho' | 'meiji';

export interface Era {
  name: EraName;
  kanji: string;
  letter: string;
  /** Western year of the era's first year (元年). */
  first: number;
}

/** Newest first, so `eraOfYear` finds the era a year is usually written in. */
export const ERAS: readonly Era[] = [
  { name: 'reiwa', kanji: '令和', letter: 'R', first: 2019 },
  { name: 'heisei', kanji: '平成', letter: 'H', first: 1989 },
  { name: 'showa', kanji: '昭和', letter: 'S', first: 1926 },
  { name: 'taisho', kanji: '大正', letter: 'T', first: 1912 },
  { name: 'meiji', kanji: '明治', letter: 'M', first: 1868 },
];

const BY_KANJI = new Map(ERAS.map((e) => [e.kanji, e]));
const BY_LETTER = new Map(ERAS.map((e) => [e.letter, e]));

export function eraByKanji(kanji: string): Era | undefined {
  return BY_KANJI.get(kanji);
}

/** `R`, `H`, `S`, `T`, `M` (either case). */
export function eraByLetter(letter: string): Era | undefined {
  return BY_LETTER.get(letter.toUpperCase());
}

export function eraByName(name: EraName): Era {
  const era = ERAS.find((e) => e.name === name);
  if (!era) throw new Error(`eraByName: unknown era ${String(name)}`);
  return era;
}

/** 令和2 → 2020, 平成30 → 2018, 令和元 (1) → 2019. */
export function westernYear(era: Era, eraYear: number): number {
  return era.first + eraYear - 1;
}

/** The era a (fiscal) year is written in today: 2019 → 令和 (令和元年度), 2018 → 平成. Before 1868: null. */
export function eraOfYear(year: number): Era | null {
  for (const era of ERAS) if (year >= era.first) return era;
  return null;
}

export type FiscalYearStyle = 'kanji' | 'letter' | 'western' | 'both';

/**
 * A fiscal year as a header label: `kanji` 令和2年度, `letter` R2, `western` 2020年度,
 * `both` 令和2年度（2020年度）. The first year of an era is 元 in `kanji` (令和元年度), 1 in `letter` (R1).
 * Years before 1868 fall back to `western`.
 */
export function formatFiscalYear(fiscalYear: number, style: FiscalYearStyle = 'kanji'): string {
  const western = `${fiscalYear}年度`;
  const era = eraOfYear(fiscalYear);
  if (style === 'western' || !era) return western;
  const n = fiscalYear - era.first + 1;
  if (style === 'letter') return `${era.letter}${n}`;
  const kanji = `${era.kanji}${n === 1 ? '元' : String(n)}年度`;
  return style === 'both' ? `${kanji}（${western}）` : kanji;
}
