import fc from 'fast-check';
import { needsQuotePrefix, rawInput, textInput, toRectangles } from '../../../src/workbook/office/cellInput';
import { typeInto } from '../../fakes/fakeExcel';

/** What Excel (as the fake models its typing rules) stores for a typed input, in a General or a Text cell. */
function stored(input: string | number | boolean, numberFormat?: string): unknown {
  const cell = typeInto(numberFormat ? { value: null, numberFormat } : undefined, input, 'test');
  return cell?.formula ? `formula ${cell.formula}` : cell?.value;
}

describe('cellInput: text is written so that Excel keeps it as that text', () => {
  const hostile = ['=1+1', '+1', '-15', '-2+3', '@SUM(1)', "'quoted", '0012', '１２３', '1,498', '50%', '(5)', '¥100', 'TRUE', 'false', '#N/A', '2020/4/1', '4/1', '4月1日', '令和2年4月1日', 'R2.4.1', '午前10:00', '\t=x', '-'];

  it.each(hostile)('%j stays text', (text) => {
    expect(stored(textInput(text))).toBe(text);
  });

  it('leaves ordinary text as it is (no apostrophe where none is needed)', () => {
    for (const text of ['順調', '概ね順調', '努力を要する', '実績値なし', 'A', 'S', '◎', '基本目標１', 'KPI集計']) {
      expect(textInput(text)).toBe(text);
      expect(needsQuotePrefix(text)).toBe(false);
    }
  });

  it('a cell formatted as Text takes the text as typed', () => {
    expect(textInput('=1+1', true)).toBe('=1+1');
    expect(stored(textInput('=1+1', true), '@')).toBe('=1+1');
  });

  it('any string survives the round trip (property)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), (text) => stored(textInput(text)) === text));
    fc.assert(fc.property(fc.constantFrom('=', '+', '-', '@', "'", '0', '１', '#', 'R', '令和'), fc.string(), (a, b) => stored(textInput(a + b)) === a + b));
  });

  it('restore puts back numbers, booleans, errors and empties as such', () => {
    expect(rawInput(null)).toBe('');
    expect(stored(rawInput(0.781))).toBe(0.781);
    expect(stored(rawInput(true))).toBe(true);
    expect(stored(rawInput({ error: '#N/A' }))).toEqual({ error: '#N/A' });
    expect(stored(rawInput('-'))).toBe('-');
  });
});

describe('toRectangles: adjacent cells written with one Range.values each, nothing else covered', () => {
  const cell = (row: number, col: number, value = `${row},${col}`) => ({ row, col, value });

  it('a status row is one rectangle; stacked identical runs merge; gaps split', () => {
    const rects = toRectangles([cell(4, 3), cell(4, 4), cell(4, 5), cell(4, 7), cell(5, 3), cell(5, 4), cell(5, 5)]);
    expect(rects).toEqual([
      { top: 4, left: 3, values: [['4,3', '4,4', '4,5'], ['5,3', '5,4', '5,5']] },
      { top: 4, left: 7, values: [['4,7']] },
    ]);
  });

  it('every cell exactly once, whatever the order (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.nat(30), fc.nat(10)), { selector: ([r, c]) => `${r},${c}` }), (cells) => {
        const rects = toRectangles(cells.map(([r, c]) => cell(r, c)));
        const covered = rects.flatMap((rect) => rect.values.flatMap((line, r) => line.map((v, c) => [`${rect.top + r},${rect.left + c}`, v])));
        expect(covered.map(([k]) => k).sort()).toEqual(cells.map(([r, c]) => `${r},${c}`).sort());
        expect(covered.every(([k, v]) => k === v)).toBe(true);
      }),
    );
  });

  it('isolates the top-left cells of merged areas', () => {
    const rects = toRectangles([cell(0, 0), cell(0, 1), cell(0, 2)], (r, c) => r === 0 && c === 1);
    expect(rects.map((r) => [r.left, r.values[0].length])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
  });
});
