import { fixEraTypos, parseYearLabel } from '../../../src/domain/years';

const row = (...texts: string[]) => texts.map((t) => parseYearLabel(t));
const years = (labels: ReturnType<typeof row>) => labels.map((l) => (l ? l.fiscalYear : null));

describe('fixEraTypos', () => {
  test('平成2年度 among 令和3..5年度 is 令和2年度, and the fix is reported (002 seed line 1295)', () => {
    const input = row('計画策定時', '', '平成2年度', '令和3年度', '令和4年度', '令和5年度');
    const { labels, problems } = fixEraTypos(input);
    expect(years(labels)).toEqual([null, null, 2020, 2021, 2022, 2023]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 2, code: 'year-typo' });
    expect(problems[0].message).toContain('平成2年度');
    expect(problems[0].message).toContain('令和2年度');
    expect(problems[0].message).toMatch(/ \/ .*FY2020/);
    expect(labels[2]?.problems.map((p) => p.code)).toEqual(['year-typo']);
    // the input is not changed
    expect(input[2]?.fiscalYear).toBe(1990);
  });

  test('an era typo in the middle of the row', () => {
    const { labels, problems } = fixEraTypos(row('R1', 'R2', 'H3', 'R4', 'R5'));
    expect(years(labels)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(problems.map((p) => p.index)).toEqual([2]);
  });

  test('an era typo at the end of the row', () => {
    const { labels } = fixEraTypos(row('令和2年度', '令和3年度', '令和4年度', '平成5年度'));
    expect(years(labels)).toEqual([2020, 2021, 2022, 2023]);
  });

  test('a wrong Western year: one digit off, or two digits swapped', () => {
    expect(years(fixEraTypos(row('2019年度', '2029年度', '2021年度')).labels)).toEqual([2019, 2020, 2021]);
    expect(years(fixEraTypos(row('2019', '2002', '2021', '2022')).labels)).toEqual([2019, 2020, 2021, 2022]);
  });

  test('a baseline years before the plan is not a typo (000 seed line 385: H27 | R2 | R3 …)', () => {
    const input = row('H27（基準値）', 'R2', 'R3', 'R4', 'R5', 'R6（目標値）');
    const { labels, problems } = fixEraTypos(input);
    expect(years(labels)).toEqual([2015, 2020, 2021, 2022, 2023, 2024]);
    expect(problems).toEqual([]);
  });

  test('a year out of sequence that is no plausible slip is left alone', () => {
    expect(fixEraTypos(row('R1', 'R2', 'R7', 'R4', 'R5')).problems).toEqual([]); // same era, other number
    expect(fixEraTypos(row('2019', '1985', '2021')).problems).toEqual([]); // more than one digit off
  });

  test('neighbours that do not imply one year: nothing is changed', () => {
    expect(fixEraTypos(row('平成2年度', '令和3年度')).problems).toEqual([]); // too few labels
    expect(fixEraTypos(row('R1', '平成2年度', 'R5')).problems).toEqual([]); // R1 .. R5 is no single gap
    expect(fixEraTypos([]).labels).toEqual([]);
  });

  test('ranges and role-only labels are skipped, and nulls keep their places', () => {
    const input = row('H27〜H30の累計', '指標名', 'R2', 'R3', 'H4');
    const { labels, problems } = fixEraTypos(input);
    expect(labels[1]).toBeNull();
    expect(labels[0]?.range).toEqual({ from: 2015, to: 2018 });
    expect(years(labels).slice(2)).toEqual([2020, 2021, 2022]);
    expect(problems.map((p) => p.index)).toEqual([4]);
  });
});
