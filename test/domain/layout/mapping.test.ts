import { detect, tableMappingSchema } from '../../../src/domain/layout';
import type { TableMapping } from '../../../src/domain/layout';
import { sheetFromLines } from '../../fixtures/grids/build';
import { errorNoYearHeader } from '../../fixtures/grids/error.no-year-header';
import { komoroGomi } from '../../fixtures/grids/komoro-gomi';
import { sakuSumiyasui } from '../../fixtures/grids/saku-sumiyasui';
import { problemList, summarise } from './summarise';

describe('user mappings and synonyms', () => {
  test('a mapping reads a table detection rejects, and replaces detection inside its range', () => {
    const mapping: TableMapping = {
      sheet: '基本目標1',
      range: 'A3:I6',
      layout: 'year-columns',
      headerRow: 3,
      nameColumn: 'A',
      labelColumn: 'B',
      unitColumn: 'I',
      baselineColumn: 'C',
      yearColumns: [
        { column: 'D', label: 'R2' },
        { column: 'E', label: 'R3' },
        { column: 'F', label: 'R4' },
        { column: 'G', label: 'R5' },
        { column: 'H', label: 'R6' },
      ],
    };
    const d = detect(errorNoYearHeader.sheets, { mappings: [mapping] });
    expect(d.problems).toEqual([]);
    expect(d.kpis).toHaveLength(1);
    const k = summarise(d.kpis[0]);
    expect(k.name).toBe('「佐久市は住みやすい」と回答する人の割合');
    expect(k.baseline).toBe('基準値 ? C5=78');
    expect(k.target).toBe('R6 2024 H4=80');
    expect(k.years[0]).toBe('R2 2020 | D4=78.4 | D5=81.4 | D6:順調');
  });

  test('a mapping with its own row labels and the 小諸 name row above the header', () => {
    const sheet = sheetFromLines('独自', [
      '指標名\t市内宿泊者数\t\t\t\t',
      '単位\t\t\t\t\t人',
      '\t当初\t\tR2\tR3\tR4',
      '\t165,120\t見通し\t90,000\t130,000\t165,000',
      '\t\t結果\t100,273\t\t',
    ]);
    expect(detect([sheet]).kpis).toEqual([]);
    const d = detect([sheet], {
      mappings: [
        {
          sheet: '独自',
          range: 'A1:F5',
          layout: 'year-columns',
          headerRow: 3,
          nameColumn: 'B',
          labelColumn: 'C',
          unitColumn: 'F',
          baselineColumn: 'B',
          rowLabels: { benchmark: ['見通し'], actual: ['結果'] },
        },
      ],
    });
    expect(d.kpis.map(summarise)).toEqual([
      {
        id: '独自!A1:F5',
        name: '市内宿泊者数',
        nameCell: 'B1',
        group: null,
        category: null,
        order: null,
        sources: [],
        unit: '人',
        scale: 1,
        cumulative: false,
        baseline: '当初 ? B4=165120',
        target: 'R4 2022 F4=165000',
        years: [
          'R2 2020 | D4=90000 | D5=100273 | -',
          'R3 2021 | E4=130000 | E5=∅ | -',
          'R4 2022 | F4=165000 | F5=∅ | -',
        ],
        problems: [],
      },
    ]);
  });

  test('a row-per-KPI mapping names each column', () => {
    const sheet = sheetFromLines('行', ['指標\t当初\tゴール\t今年\t判断', '転出超過数\t▲312人\t▲275人\t▲341人\t低調']);
    const d = detect([sheet], {
      mappings: [
        {
          sheet: '行',
          range: 'A1:E2',
          layout: 'row-per-kpi',
          headerRow: 1,
          nameColumn: 'A',
          baselineColumn: 'B',
          targetColumn: 'C',
          yearColumns: [{ column: 'D', label: '2020年度' }],
          statusColumn: 'E',
          group: '基本目標2',
        },
      ],
    });
    expect(summarise(d.kpis[0])).toMatchObject({
      name: '転出超過数',
      group: '基本目標2',
      baseline: '当初 ? B2=-312',
      target: 'ゴール ? C2=-275',
      years: ['2020年度 2020 | - | D2=-341 | E2:低調'],
    });
  });

  test('an invalid mapping is reported and ignored; detection still runs', () => {
    const d = detect(sakuSumiyasui.sheets, {
      mappings: [
        { sheet: '基本目標1', range: 'A3:I6', layout: 'year-columns', headerRow: 3, nameColumn: '1A' } as TableMapping,
        { sheet: 'ない', range: 'A1:B2', layout: 'row-per-kpi', headerRow: 1, nameColumn: 'A', targetColumn: 'B' },
        { sheet: '基本目標1', range: 'A3:I6', layout: 'row-per-kpi', headerRow: 9, nameColumn: 'A', targetColumn: 'H' },
        { sheet: '基本目標1', range: 'A3:I6', layout: 'row-per-kpi', headerRow: 3, nameColumn: 'A' },
      ],
    });
    expect(problemList(d)).toEqual([
      '基本目標1!A3:I6 mapping-invalid',
      'ない!A1:B2 mapping-invalid',
      '基本目標1!A3:I6 mapping-invalid',
      '基本目標1!A3:I6 mapping-invalid',
    ]);
    expect(d.kpis).toHaveLength(1);
  });

  test('a mapping that finds no KPI says so', () => {
    const d = detect(sakuSumiyasui.sheets, {
      mappings: [
        {
          sheet: '基本目標1',
          range: 'A12:C14',
          layout: 'row-per-kpi',
          headerRow: 12,
          nameColumn: 'A',
          baselineColumn: 'B',
        },
      ],
    });
    expect(problemList(d)).toEqual(['基本目標1!A12:C14 no-kpi-table']);
    expect(d.kpis).toHaveLength(1);
  });

  test('tableMappingSchema: year-columns needs the label column; columns are letters', () => {
    const base = { sheet: 'S', range: 'A1:C3', layout: 'year-columns', headerRow: 1, nameColumn: 'a' };
    expect(tableMappingSchema.safeParse(base).success).toBe(false);
    const ok = tableMappingSchema.safeParse({ ...base, labelColumn: 'b' });
    expect(ok.success && ok.data.nameColumn).toBe('A');
    expect(tableMappingSchema.safeParse({ ...base, labelColumn: 'B', extra: 1 }).success).toBe(false);
  });

  test('extra synonyms are added to the built-in words', () => {
    const sheet = sheetFromLines('語', [
      '指標名\t市内宿泊者数\t\t',
      '\t\tR2\tR3',
      '\t見込み\t90,000\t130,000',
      '\t実数\t100,273\t',
    ]);
    expect(detect([sheet]).kpis).toEqual([]);
    const d = detect([sheet], { synonyms: { benchmark: ['見込み'], actual: ['実数'] } });
    expect(d.kpis.map(summarise).map((k) => [k.name, k.target, k.years])).toEqual([
      ['市内宿泊者数', 'R3 2021 D3=130000', ['R2 2020 | C3=90000 | C4=100273 | -', 'R3 2021 | D3=130000 | D4=∅ | -']],
    ]);
  });

  test('only the sheets asked for are read; very hidden sheets only when named', () => {
    const sheets = [...sakuSumiyasui.sheets, ...komoroGomi.sheets];
    expect(detect(sheets).kpis).toHaveLength(4);
    expect(detect(sheets, { sheets: ['施策2-1'] }).kpis.map((k) => k.sheet)).toEqual(['施策2-1', '施策2-1', '施策2-1']);
    const hidden = [{ ...komoroGomi.sheets[0], visibility: 'veryHidden' as const }];
    expect(detect(hidden).kpis).toEqual([]);
    expect(detect(hidden, { sheets: ['施策2-1'] }).kpis).toHaveLength(3);
  });
});
