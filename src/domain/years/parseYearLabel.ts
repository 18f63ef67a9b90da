/**
 * Header and note text → fiscal year (SPEC §3 "Years").
 *
 * Grammar, after NFKC (`～` becomes `~`, `㋿` becomes `令和`):
 *   year      := kanjiEra ' '? (元 | 1–2 digits) suffix?          令和2年度, 令和 5 年, 平成元年
 *              | R|H|S|T|M ' '? (元 | 1–2 digits) suffix?         R2, R02, H30, R元 (not after a letter or digit)
 *              | ('FY' ' '?)? 4 digits 1900–2100 suffix?          2020, 2020年度, 2020年, FY2020
 *   suffix    := 年度 (fiscal) | 年 (calendar)
 *   range     := year ' '? (~ | 〜 | - | − | – | から) ' '? (year | bare era number inheriting the era)
 *                                                            H27〜H30の累計, 2015~2019平均, 令和2~3年度
 *   relative  := (過去|直近)? N (か年|ヶ年|年間|年) with 累計/合計/平均 → 過去5年の累計 (relativeYears 5)
 * Two year expressions that name the same year (`令和2年度（2020年度）`, `R1（2019）`) are one year; when they
 * disagree the first wins and a problem is reported.
 * A text is a year label only when, once its years and the usual header words (年度, 実績値, 目標値, 累計, の …)
 * are removed, at most two characters remain: `R5の実績値` is one, `1年以内に…` and `令和元年度改訂版…` are not.
 * `1年` is never a year: only era-prefixed numbers and four-digit Western years are.
 */
import type { CellProblem } from '../problems';
import { normalizeText } from '../text';
import { eraByKanji, eraByLetter, westernYear } from './eras';
import type { Era } from './eras';
import type { YearLabel, YearRoleHint } from './types';

const YEAR_TOKEN =
  /(令和|平成|昭和|大正|明治) ?(元|\d{1,2})(?!\d)|(?<![A-Za-z\d])([RHSTM]) ?(元|\d{1,2})(?![\d.,])|(?<![\d.,A-Za-z])(?:(FY|fy|Fy) ?)?(\d{4})(?![\d.,])/g;
const SUFFIX = / ?(年度|年)/y;
const CONNECTOR = /^ ?(?:~|〜|-|−|–|から) ?$/;
/** A bare era number right after a connector: the `3年度` of `令和2~3年度`. */
const BARE_ERA_YEAR = / ?(?:~|〜|-|−|–|から) ?(元|\d{1,2}) ?(年度|年)?(?![\d.])/y;
const RELATIVE = /(?:(過去|直近) ?(\d{1,2}) ?(?:か年|ヶ年|カ年|箇年|年間|年度|年))|(?<![\d.])(\d{1,2}) ?(?:か年|ヶ年|カ年|箇年|年間)/;
const TOTAL = /累計|合計|累積/;
const AVERAGE = /平均/;
const BASELINE = /計画策定時|策定時|基準|現状/;
const TARGET = /目標/;
/** Words a year header may carry besides its years; longest first so `実績値` goes before `実績`. */
const HEADER_WORDS = new RegExp(
  [
    '計画策定時', '基準年度', '目標年度', '策定時', '基準値', '基準年', '現状値', '目標値', '目安値', '実績値',
    '計画値', '見込み', '速報値', '確定値', '暫定値', '年度末', 'か年', 'ヶ年', 'カ年', '箇年', '年間', '基準',
    '現状', '目標', '目安', '実績', '計画', '見込', '速報', '確定', '暫定', '推計', '累計', '合計', '累積', '平均',
    '年度', '時点', '現在', '当初', '決算', '予算', '過去', '直近', 'FY', 'fy', '末', 'の', '値', '比', '月', '日',
    '年', '度', '~', '〜', 'から',
  ].join('|'),
  'g',
);
const IGNORABLE = /[\s()[\]・:,、。/-]/g;
const MAX_RESIDUE = 2;

interface YearToken {
  start: number;
  end: number;
  year: number;
  era: Era | null;
  /** The number as written: the era year (`2` of 令和2) or the Western year. */
  written: number;
  suffix: '年度' | '年' | null;
}

interface YearExpression {
  from: number;
  to: number;
  first: YearToken;
  last: YearToken;
}

/** Parses a header or note text; null when it names no year and no role. Never throws. */
export function parseYearLabel(text: string): YearLabel | null {
  const label = normalizeText(text);
  if (label === '' || label.length > 200) return null;
  const tokens = yearTokens(label);
  const roleHint = roleHintOf(label);
  const aggregate = TOTAL.test(label) ? 'total' : AVERAGE.test(label) ? 'average' : null;
  const relative = tokens.length === 0 && aggregate !== null ? RELATIVE.exec(label) : null;
  if (residue(label, tokens, relative) > MAX_RESIDUE) return null;

  const result: YearLabel = {
    label,
    fiscalYear: null,
    calendar: false,
    range: null,
    aggregate: null,
    relativeYears: null,
    roleHint,
    problems: [],
  };
  if (relative) {
    result.relativeYears = Number(relative[2] ?? relative[3]);
    result.aggregate = aggregate;
    return result;
  }
  if (tokens.length === 0) return roleHint ? result : null;

  const expressions = groupIntoExpressions(label, tokens);
  const main = expressions[0];
  result.era = main.first.era ? main.first.era.name : null;
  result.eraYear = main.first.era ? main.first.written : null;
  result.calendar = tokens.every((t) => t.suffix !== '年度') && tokens.some((t) => t.suffix === '年');
  if (main.from === main.to && main.first === main.last) {
    result.fiscalYear = main.from;
  } else {
    result.range = { from: Math.min(main.from, main.to), to: Math.max(main.from, main.to) };
    result.aggregate = aggregate;
    if (main.from > main.to) result.problems.push(reversedRange(label));
  }
  for (const other of expressions.slice(1)) {
    if (other.from === main.from && other.to === main.to) continue;
    result.problems.push(disagreement(label, main, other));
    break;
  }
  return result;
}

function yearTokens(label: string): YearToken[] {
  const tokens: YearToken[] = [];
  YEAR_TOKEN.lastIndex = 0;
  for (let m = YEAR_TOKEN.exec(label); m !== null; m = YEAR_TOKEN.exec(label)) {
    let era: Era | null = null;
    let written: number;
    if (m[1] !== undefined) {
      era = eraByKanji(m[1]) ?? null;
      written = m[2] === '元' ? 1 : Number(m[2]);
    } else if (m[3] !== undefined) {
      era = eraByLetter(m[3]) ?? null;
      written = m[4] === '元' ? 1 : Number(m[4]);
    } else {
      written = Number(m[6]);
      if (written < 1900 || written > 2100) continue;
    }
    if (era && written === 0) continue;
    const year = era ? westernYear(era, written) : written;
    SUFFIX.lastIndex = m.index + m[0].length;
    const suffix = SUFFIX.exec(label);
    const end = suffix ? SUFFIX.lastIndex : m.index + m[0].length;
    tokens.push({ start: m.index, end, year, era, written, suffix: suffix ? (suffix[1] as '年度' | '年') : null });
    YEAR_TOKEN.lastIndex = end;
    if (era) {
      // `令和2~3年度`: the second year inherits the era.
      BARE_ERA_YEAR.lastIndex = end;
      const bare = BARE_ERA_YEAR.exec(label);
      if (bare) {
        const n = bare[1] === '元' ? 1 : Number(bare[1]);
        const bareSuffix = (bare[2] as '年度' | '年' | undefined) ?? null;
        if (n > 0) {
          const start = end + bare[0].indexOf(bare[1]);
          tokens.push({ start, end: BARE_ERA_YEAR.lastIndex, year: westernYear(era, n), era, written: n, suffix: bareSuffix });
          YEAR_TOKEN.lastIndex = BARE_ERA_YEAR.lastIndex;
        }
      }
    }
  }
  return tokens;
}

function groupIntoExpressions(label: string, tokens: YearToken[]): YearExpression[] {
  const expressions: YearExpression[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (next && CONNECTOR.test(label.slice(t.end, next.start))) {
      expressions.push({ from: t.year, to: next.year, first: t, last: next });
      i++;
    } else {
      expressions.push({ from: t.year, to: t.year, first: t, last: t });
    }
  }
  return expressions;
}

function roleHintOf(label: string): YearRoleHint {
  const baseline = BASELINE.test(label);
  const target = TARGET.test(label);
  if (baseline === target) return null;
  return baseline ? 'baseline' : 'target';
}

/** Characters left once the years and the usual header words are gone. */
function residue(label: string, tokens: YearToken[], relative: RegExpExecArray | null): number {
  let rest = '';
  let at = 0;
  for (const t of tokens) {
    rest += label.slice(at, t.start);
    at = t.end;
  }
  rest += label.slice(at);
  if (relative) rest = rest.replace(relative[0], '');
  return rest.replace(HEADER_WORDS, '').replace(IGNORABLE, '').length;
}

function describe(e: YearExpression): string {
  return e.from === e.to ? `${e.from}` : `${e.from}–${e.to}`;
}

function disagreement(label: string, main: YearExpression, other: YearExpression): CellProblem {
  const eraAgainstWestern = (main.first.era === null) !== (other.first.era === null);
  return {
    code: eraAgainstWestern ? 'year-typo' : 'year-unparsed',
    message:
      `「${label}」の年が一致しません（${describe(main)} と ${describe(other)}）。${describe(main)} として読みました / ` +
      `The years in "${label}" disagree (${describe(main)} vs ${describe(other)}); read as ${describe(main)}`,
  };
}

function reversedRange(label: string): CellProblem {
  return {
    code: 'year-typo',
    message: `「${label}」の期間が逆順です / The range in "${label}" runs backwards`,
  };
}

