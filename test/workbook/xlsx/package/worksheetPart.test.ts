import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import type { RawValue } from '../../../../src/domain/grid';
import type { CellEdit } from '../../../../src/workbook/xlsx/package/worksheetPart';
import { cellXml, conditionalFormatXml } from '../../../../src/workbook/xlsx/package/sheetXml';
import { WorksheetPart } from '../../../../src/workbook/xlsx/package/worksheetPart';
import { PackageError } from '../../../../src/workbook/xlsx/package/xlsxPackage';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Fails the test with xmllint's message when `xml` is not well-formed. */
function wellFormed(xml: string): void {
  execFileSync('/usr/bin/xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A worksheet part around `body` (the root binds the relationships namespace as `r` unless `rootAttrs` is given). */
const sheet = (body: string, rootAttrs = ` xmlns:r="${RELS}"`): string => `${DECL}<worksheet xmlns="${MAIN}"${rootAttrs}>${body}</worksheet>`;

const edit = (ref: string, value: RawValue): CellEdit => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { row: Number(m[2]) - 1, col: colIndex(m[1]), value };
};

/** Sets cells (checking the input and the output are well-formed); the new text. */
function set(xml: string, edits: readonly CellEdit[], replaceFormulas = false): string {
  wellFormed(xml);
  const ws = new WorksheetPart(xml, '進捗');
  ws.setCells(edits, { replaceFormulas });
  const out = ws.toXml();
  wellFormed(out);
  return out;
}

/** `text` with each `[from, to]` replaced; each `from` must occur exactly once (the expected output, spelled out). */
function patched(text: string, edits: [string, string][]): string {
  for (const [from, to] of edits) {
    expect(text.split(from).length - 1).toBe(1);
    text = text.replace(from, () => to);
  }
  return text;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * An independent reader of `sheetData` (the way Excel reads it: a row without `r` follows the row before it, a
 * cell without `r` the cell before it): `A1 → "text"`, with ` s7` when styled and ` t=…` for a type.
 */
function readCells(xml: string): Record<string, string> {
  const data = /<(?:[\w.-]+:)?sheetData\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?sheetData>/.exec(xml)?.[1] ?? '';
  const out: Record<string, string> = {};
  const rowsSeen = new Set<number>();
  let row = 0;
  let col = -1;
  let cell: { ref: string; s: string | null; t: string | null; text: string } | null = null;
  let inText = false;
  const attrOf = (attrs: string, name: string): string | null => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;
  const done = (): void => {
    if (!cell) return;
    if (cell.ref in out) throw new Error(`cell ${cell.ref} twice`);
    out[cell.ref] = cell.text + (cell.s ? ` s${cell.s}` : '') + (cell.t && cell.t !== 'inlineStr' && cell.t !== 's' ? ` t=${cell.t}` : '');
    cell = null;
  };
  for (const m of data.matchAll(/<(\/?)(?:[\w.-]+:)?(row|c|v|t)\b([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, close, name, attrs = '', self, text] = m;
    if (text !== undefined) {
      if (cell && inText) cell.text += unescape(text);
      continue;
    }
    if (name === 'row' && !close) {
      const r = attrOf(attrs, 'r');
      row = r === null ? row + 1 : Number(r);
      if (rowsSeen.has(row)) throw new Error(`row ${row} twice`);
      rowsSeen.add(row);
      col = -1;
    } else if (name === 'c' && !close) {
      const r = attrOf(attrs, 'r');
      col = r === null ? col + 1 : colIndex(/^[A-Z]+/.exec(r)![0]);
      if (r !== null && r !== `${letters(col)}${row}`) throw new Error(`cell ${r} in row ${row}`);
      cell = { ref: `${letters(col)}${row}`, s: attrOf(attrs, 's'), t: attrOf(attrs, 't'), text: '' };
      if (self) done();
    } else if (name === 'c') {
      done();
    } else if (name === 'v' || name === 't') {
      inText = !close && !self;
    }
  }
  return out;
}

describe('cellXml and conditionalFormatXml', () => {
  it('write the exact elements', () => {
    expect(cellXml('', 'A1', 0, 1.5)).toBe('<c r="A1"><v>1.5</v></c>');
    expect(cellXml('x:', 'D6', 3, ' 順調 ')).toBe('<x:c r="D6" s="3" t="inlineStr"><x:is><x:t xml:space="preserve"> 順調 </x:t></x:is></x:c>');
    expect(cellXml('', 'B2', 4, { error: '#DIV/0!' })).toBe('<c r="B2" s="4" t="e"><v>#DIV/0!</v></c>');
    expect(cellXml('', 'B2', 0, false)).toBe('<c r="B2" t="b"><v>0</v></c>');
    expect(cellXml('', 'B2', 0, null)).toBe('');
    expect(cellXml('', 'B2', 2, null)).toBe('<c r="B2" s="2"/>');
  });

  it('write a rule per category, with `"` doubled inside the label', () => {
    const xml = conditionalFormatXml('', ['D6:D20', 'F6:F20'], [{ text: '順調', dxfId: 0 }, { text: '遅れ "大"', dxfId: 4 }], 3);
    expect(xml).toBe(
      '<conditionalFormatting sqref="D6:D20 F6:F20">' +
        '<cfRule type="expression" dxfId="0" priority="3"><formula>TRIM(D6)="順調"</formula></cfRule>' +
        '<cfRule type="expression" dxfId="4" priority="4"><formula>TRIM(D6)="遅れ ""大"""</formula></cfRule>' +
        '</conditionalFormatting>',
    );
    expect(conditionalFormatXml('x:', ['B2'], [{ text: 'a<b&c', dxfId: 1 }], 1)).toBe(
      '<x:conditionalFormatting sqref="B2"><x:cfRule type="expression" dxfId="1" priority="1"><x:formula>TRIM(B2)="a&lt;b&amp;c"</x:formula></x:cfRule></x:conditionalFormatting>',
    );
    wellFormed(sheet(`<sheetData/>${xml}`));
  });
});

describe('WorksheetPart.setCells: values', () => {
  const ROW1 = '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2" t="s"><v>1</v></c><c r="C1"><v>5</v></c></row>';
  const ROW2 = '<row r="2" spans="1:3" ht="20" customHeight="1"><c r="A2" t="s"><v>2</v></c><c r="C2" s="3"><f>A2</f><v>0</v></c></row>';
  const XML = sheet(`<sheetData>${ROW1}${ROW2}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  const B1 = '<c r="B1" s="2" t="s"><v>1</v></c>';
  const withB1 = (value: RawValue): string => set(XML, [edit('B1', value)]);

  it('replaces a shared-string cell with inline text: style and reference kept, every other byte identical', () => {
    const out = withB1('順調');
    expect(out).toBe(patched(XML, [[B1, '<c r="B1" s="2" t="inlineStr"><is><t>順調</t></is></c>']]));
    expect(readCells(out)).toEqual({ A1: '0', B1: '順調 s2', C1: '5', A2: '2', C2: '0 s3' });
  });

  it('writes numbers (-0 as 0), booleans and Excel errors', () => {
    expect(withB1(97.2)).toBe(patched(XML, [[B1, '<c r="B1" s="2"><v>97.2</v></c>']]));
    expect(withB1(-0)).toBe(patched(XML, [[B1, '<c r="B1" s="2"><v>0</v></c>']]));
    expect(withB1(-1.5e-7)).toBe(patched(XML, [[B1, '<c r="B1" s="2"><v>-1.5e-7</v></c>']]));
    expect(withB1(true)).toBe(patched(XML, [[B1, '<c r="B1" s="2" t="b"><v>1</v></c>']]));
    expect(withB1(false)).toBe(patched(XML, [[B1, '<c r="B1" s="2" t="b"><v>0</v></c>']]));
    expect(withB1({ error: '#N/A' })).toBe(patched(XML, [[B1, '<c r="B1" s="2" t="e"><v>#N/A</v></c>']]));
    expect(withB1({ error: '#SPILL!' })).toBe(patched(XML, [[B1, '<c r="B1" s="2" t="e"><v>#SPILL!</v></c>']]));
  });

  it('writes anything else posing as an error as the text it holds', () => {
    expect(withB1({ error: '=cmd|"/c calc"!A0' })).toBe(
      patched(XML, [[B1, '<c r="B1" s="2" t="inlineStr"><is><t>=cmd|"/c calc"!A0</t></is></c>']]),
    );
    expect(withB1({ error: '#n/a' })).toBe(patched(XML, [[B1, '<c r="B1" s="2" t="inlineStr"><is><t>#n/a</t></is></c>']]));
  });

  it('empties a cell: a styled one keeps `<c r s/>`, an unstyled one goes', () => {
    expect(withB1(null)).toBe(patched(XML, [[B1, '<c r="B1" s="2"/>']]));
    const out = set(XML, [edit('A1', null)]);
    expect(out).toBe(patched(XML, [['<c r="A1" t="s"><v>0</v></c>', '']]));
    expect(readCells(out)).toEqual({ B1: '1 s2', C1: '5', A2: '2', C2: '0 s3' });
  });

  it('escapes markup, keeps leading and trailing spaces, never writes text starting with `=` as a formula', () => {
    expect(withB1('  <a & b>  ')).toBe(
      patched(XML, [[B1, '<c r="B1" s="2" t="inlineStr"><is><t xml:space="preserve">  &lt;a &amp; b&gt;  </t></is></c>']]),
    );
    expect(withB1('行1\n行2')).toContain('<t xml:space="preserve">行1\n行2</t>');
    const formulaLike = withB1('=SUM(A1:A9)');
    expect(formulaLike).toBe(patched(XML, [[B1, '<c r="B1" s="2" t="inlineStr"><is><t>=SUM(A1:A9)</t></is></c>']]));
    expect(formulaLike.match(/<f>/g)).toHaveLength(1); // C2's own
  });

  it('refuses to overwrite a formula, naming sheet and cell, unless told to', () => {
    expect(() => set(XML, [edit('C2', 'x')])).toThrow(PackageError);
    expect(() => set(XML, [edit('C2', 'x')])).toThrow('進捗!C2 holds a formula');
    const shared = sheet('<sheetData><row r="4"><c r="B4" s="1"><f t="shared" si="0"/><v>3</v></c></row></sheetData>');
    expect(() => set(shared, [edit('B4', 1)])).toThrow('進捗!B4');
    expect(set(XML, [edit('C2', 'x')], true)).toBe(
      patched(XML, [['<c r="C2" s="3"><f>A2</f><v>0</v></c>', '<c r="C2" s="3" t="inlineStr"><is><t>x</t></is></c>']]),
    );
    expect(set(shared, [edit('B4', null)], true)).toContain('<row r="4"><c r="B4" s="1"/></row>');
  });

  it('does nothing without edits', () => {
    expect(set(XML, [])).toBe(XML);
  });
});

describe('WorksheetPart.setCells: new cells and rows', () => {
  const ROW = '<row r="2" spans="2:4"><c r="B2"><v>1</v></c><c r="D2" t="s"><v>0</v></c></row>';
  const XML = sheet(`<sheetData><row r="1"><c r="A1"><v>0</v></c></row>${ROW}<row r="3"><c r="A3"><v>3</v></c></row></sheetData>`);

  it('puts new cells between, before and after the cells of a row, widening `spans`', () => {
    const out = set(XML, [edit('C2', 'c'), edit('E2', 5), edit('A2', true)]);
    expect(out).toBe(
      patched(XML, [
        [
          ROW,
          '<row r="2" spans="1:5"><c r="A2" t="b"><v>1</v></c><c r="B2"><v>1</v></c>' +
            '<c r="C2" t="inlineStr"><is><t>c</t></is></c><c r="D2" t="s"><v>0</v></c><c r="E2"><v>5</v></c></row>',
        ],
      ]),
    );
    expect(Object.keys(readCells(out))).toEqual(['A1', 'A2', 'B2', 'C2', 'D2', 'E2', 'A3']);
  });

  it("gives a new cell its row's style, else its column's, else none", () => {
    const cols = '<cols><col min="1" max="3" width="12" style="4" customWidth="1"/><col min="6" max="6" width="9"/></cols>';
    const rowStyled = sheet(`${cols}<sheetData><row r="2" s="7" customFormat="1"><c r="B2"><v>1</v></c></row></sheetData>`);
    expect(readCells(set(rowStyled, [edit('A2', 'a'), edit('E2', 'e')]))).toEqual({ A2: 'a s7', B2: '1', E2: 'e s7' });
    // a row's `s` without customFormat is not the row's style
    const rowPlain = sheet(`${cols}<sheetData><row r="2" s="7"><c r="B2"><v>1</v></c></row></sheetData>`);
    expect(readCells(set(rowPlain, [edit('A2', 'a'), edit('E2', 'e'), edit('F2', 'f')]))).toEqual({ A2: 'a s4', B2: '1', E2: 'e', F2: 'f' });
    // a new row takes the column style too
    expect(readCells(set(rowPlain, [edit('C5', 'c'), edit('D5', 'd')]))).toEqual({ B2: '1', C5: 'c s4', D5: 'd' });
    // emptying a cell that is not there adds a styled empty cell only where a style applies
    expect(readCells(set(rowStyled, [edit('D2', null)]))).toEqual({ B2: '1', D2: ' s7' });
  });

  it('inserts new rows before, between and after the existing ones', () => {
    const xml = sheet('<sheetData><row r="2"><c r="A2"><v>2</v></c></row><row r="5"><c r="A5"><v>5</v></c></row></sheetData>');
    const out = set(xml, [edit('B9', 9), edit('B3', 3), edit('C1', 1), edit('A4', 4)]);
    expect(out).toBe(
      sheet(
        '<sheetData><row r="1"><c r="C1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>' +
          '<row r="3"><c r="B3"><v>3</v></c></row><row r="4"><c r="A4"><v>4</v></c></row>' +
          '<row r="5"><c r="A5"><v>5</v></c></row><row r="9"><c r="B9"><v>9</v></c></row></sheetData>',
      ),
    );
  });

  it('fills an empty, self-closing sheetData with several rows and cells at once', () => {
    const xml = sheet('<dimension ref="A1"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    const out = set(xml, [edit('C2', 'c'), edit('A2', 'a'), edit('B1', 1), edit('B2', 'b')]);
    expect(out).toBe(
      patched(xml, [
        ['<dimension ref="A1"/>', '<dimension ref="A1:C2"/>'],
        [
          '<sheetData/>',
          '<sheetData><row r="1"><c r="B1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c>' +
            '<c r="B2" t="inlineStr"><is><t>b</t></is></c><c r="C2" t="inlineStr"><is><t>c</t></is></c></row></sheetData>',
        ],
      ]),
    );
  });

  it('keeps the bytes of untouched rows, with white space and self-closing rows between them', () => {
    const xml = sheet('<sheetData>\n  <row r="1"><c r="A1"><v>1</v></c></row>\n  <row r="3" ht="5" customHeight="1"/>\n  <row r="4"><c r="A4"><v>4</v></c></row>\n</sheetData>');
    const out = set(xml, [edit('B3', 'x'), edit('A2', 2)]);
    expect(out).toBe(
      patched(xml, [
        ['\n  <row r="3" ht="5" customHeight="1"/>', '\n  <row r="2"><c r="A2"><v>2</v></c></row><row r="3" ht="5" customHeight="1"><c r="B3" t="inlineStr"><is><t>x</t></is></c></row>'],
      ]),
    );
  });

  it('keeps a written row with a row-level extLst valid (cells before it)', () => {
    const ext = '<extLst><ext uri="{x}"><foo xmlns="urn:foo"/></ext></extLst>';
    const xml = sheet(`<sheetData><row r="1"><c r="A1"><v>1</v></c>${ext}</row></sheetData>`);
    expect(set(xml, [edit('B1', 2)])).toContain(`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c>${ext}</row>`);
  });
});

describe('WorksheetPart.setCells: rows and cells without `r`', () => {
  // A1=1 B1=2 | B2=3 | (row 3, empty) | A4=4 | row 7: C7=7 | row 8: A8=8
  const XML = sheet(
    '<sheetData><row><c><v>1</v></c><c s="5"><v>2</v></c></row><row><c r="B2"><v>3</v></c></row><row/>' +
      '<row><c><v>4</v></c></row><row r="7"><c r="C7"><v>7</v></c></row><row><c><v>8</v></c></row></sheetData>',
  );

  it('are read where their order puts them', () => {
    expect(readCells(XML)).toEqual({ A1: '1', B1: '2 s5', B2: '3', A4: '4', C7: '7', A8: '8' });
  });

  it('keep every position when written into and inserted among', () => {
    const out = set(XML, [edit('B1', 'b'), edit('A2', 'a'), edit('C2', 'c'), edit('B3', 'x'), edit('A5', 5), edit('B8', 'y'), edit('A10', 10)]);
    expect(readCells(out)).toEqual({
      A1: '1',
      B1: 'b s5',
      A2: 'a',
      B2: '3',
      C2: 'c',
      B3: 'x',
      A4: '4',
      A5: '5',
      C7: '7',
      A8: '8',
      B8: 'y',
      A10: '10',
    });
  });

  it('keep their positions when only a new row goes between them', () => {
    const xml = sheet('<sheetData><row><c><v>1</v></c></row><row r="4"><c><v>4</v></c></row><row><c><v>5</v></c><c><v>6</v></c></row></sheetData>');
    const out = set(xml, [edit('A2', 2)]);
    expect(readCells(out)).toEqual({ A1: '1', A2: '2', A4: '4', A5: '5', B5: '6' });
  });
});

describe('WorksheetPart.setCells: dimension and spans', () => {
  it('widens `<dimension ref>` to the cells written (not for emptied ones)', () => {
    const xml = sheet('<dimension ref="B2:C3"/><sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData>');
    expect(set(xml, [edit('E7', 1)])).toContain('<dimension ref="B2:E7"/>');
    expect(set(xml, [edit('A1', 1)])).toContain('<dimension ref="A1:C3"/>');
    expect(set(xml, [edit('C3', 1)])).toBe(patched(xml, [['</sheetData>', '<row r="3"><c r="C3"><v>1</v></c></row></sheetData>']]));
    expect(set(xml, [edit('H9', null)])).toContain('<dimension ref="B2:C3"/>');
    const single = sheet('<dimension ref="A1"/><sheetData/>');
    expect(set(single, [edit('A1', 'x')])).toContain('<dimension ref="A1"/>');
  });

  it('widens `spans` on a written row only', () => {
    const xml = sheet('<sheetData><row r="1" spans="2:3"><c r="B1"><v>1</v></c></row><row r="2" spans="2:3"><c r="B2"><v>1</v></c></row></sheetData>');
    const out = set(xml, [edit('A1', 0), edit('F1', 6)]);
    expect(out).toContain('<row r="1" spans="1:6">');
    expect(out).toContain('<row r="2" spans="2:3">');
    expect(set(xml, [edit('C2', 0)])).toContain('<row r="2" spans="2:3">');
  });
});

describe('WorksheetPart: a prefixed worksheet', () => {
  const XML =
    `${DECL}<x:worksheet xmlns:x="${MAIN}" xmlns:r="${RELS}"><x:cols><x:col min="4" max="4" width="10" style="2"/></x:cols>` +
    '<x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row><x:row r="3"><x:c r="B3"><x:f>A1</x:f><x:v>1</x:v></x:c></x:row></x:sheetData>' +
    '<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>';

  it('writes cells, rows, rules and elements with the prefix', () => {
    const ws = new WorksheetPart(XML, 'S');
    expect(ws.prefix).toBe('x:');
    ws.setCells([edit('A1', 'a'), edit('D1', 4), edit('B2', true)], { replaceFormulas: false });
    expect(() => ws.setCells([edit('B3', 1)], { replaceFormulas: false })).toThrow('S!B3 holds a formula');
    ws.replaceConditionalFormats(() => false, (start) => [conditionalFormatXml(ws.prefix, ['A1:A3'], [{ text: 'a', dxfId: 0 }], start)]);
    ws.addRelationshipElement('legacyDrawing', 'rId9');
    const out = ws.toXml();
    wellFormed(out);
    expect(out).toContain(
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="D1" s="2"><x:v>4</x:v></x:c></x:row>' +
        '<x:row r="2"><x:c r="B2" t="b"><x:v>1</x:v></x:c></x:row><x:row r="3">',
    );
    expect(out).toContain('</x:sheetData><x:conditionalFormatting sqref="A1:A3"><x:cfRule type="expression" dxfId="0" priority="1">');
    expect(out).toMatch(/<x:pageMargins [^>]*\/><x:legacyDrawing r:id="rId9"\/><\/x:worksheet>$/);
    expect(out).not.toMatch(/<\/?(?:row|c|v|is|t|conditionalFormatting|cfRule|formula|legacyDrawing)[\s>/]/);
    expect(readCells(out)).toEqual({ A1: 'a', D1: '4 s2', B2: '1 t=b', B3: '1' });
  });
});

describe('WorksheetPart.replaceConditionalFormats', () => {
  const own = new Set(['D2:D5', 'F2:F5']);
  const isOwn = (sqref: string): boolean => sqref.split(' ').every((r) => own.has(r));
  const rules = [{ text: '順調', dxfId: 0 }, { text: '遅れ', dxfId: 1 }];
  const ours = (start: number): string[] => [conditionalFormatXml('', ['D2:D5', 'F2:F5'], rules, start)];

  const USER = '<conditionalFormatting sqref="A1:A5"><cfRule type="expression" dxfId="3" priority="1"><formula>A1&gt;1</formula></cfRule></conditionalFormatting>';
  const OLD =
    '<conditionalFormatting sqref="D2:D5 F2:F5"><cfRule type="expression" dxfId="0" priority="2"><formula>TRIM(D2)="順調"</formula></cfRule>' +
    '<cfRule type="expression" dxfId="1" priority="3"><formula>TRIM(D2)="遅れ"</formula></cfRule></conditionalFormatting>';
  const MIXED = '<conditionalFormatting sqref="D2:D5 H1"><cfRule type="cellIs" dxfId="2" priority="4" operator="equal"><formula>1</formula></cfRule></conditionalFormatting>';
  const EXT =
    '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
    '<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
    '<x14:cfRule type="dataBar" priority="9" id="{1}"><x14:dataBar/></x14:cfRule><xm:sqref>B1:B5</xm:sqref>' +
    '</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
  const XML = sheet(
    `<sheetData/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>${USER}${OLD}${MIXED}` +
      '<dataValidations count="1"><dataValidation type="list" sqref="E2"><formula1>"a,b"</formula1></dataValidation></dataValidations>' +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${EXT}`,
  );

  function replace(xml: string, blocks: (start: number) => string[] = ours): { xml: string; removed: number } {
    const ws = new WorksheetPart(xml, 'S');
    const removed = ws.replaceConditionalFormats(isOwn, blocks);
    wellFormed(ws.toXml());
    return { xml: ws.toXml(), removed };
  }

  it("removes only this tool's blocks, keeps the user's byte-identical and adds the new ones after them", () => {
    const first = replace(XML);
    expect(first.removed).toBe(2);
    expect(first.xml).toBe(patched(XML, [[OLD, ''], [MIXED, MIXED + ours(10)[0]]]));
    expect(first.xml).toContain(`${USER}${MIXED}<conditionalFormatting sqref="D2:D5 F2:F5"><cfRule type="expression" dxfId="0" priority="10">`);
  });

  it('gives the same text when run again', () => {
    const first = replace(XML);
    const second = replace(first.xml);
    expect(second.removed).toBe(2);
    expect(second.xml).toBe(first.xml);
  });

  it('numbers new rules after the highest priority left in the sheet', () => {
    const noExt = XML.replace(EXT, '');
    expect(replace(noExt).xml).toContain('<cfRule type="expression" dxfId="0" priority="5">');
    const alone = sheet(`<sheetData/>${OLD}`);
    expect(replace(alone).xml).toBe(sheet(`<sheetData/>${ours(1)[0]}`));
  });

  it('only removes when there is nothing new, returning the count', () => {
    const out = replace(XML, () => []);
    expect(out.removed).toBe(2);
    expect(out.xml).toBe(patched(XML, [[OLD, '']]));
    expect(replace(out.xml, () => [])).toEqual({ xml: out.xml, removed: 0 });
  });

  it('puts the first block where the schema wants it', () => {
    const block = ours(1)[0];
    const tail = '<dataValidations count="0"/><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks><pageMargins left="0" right="0" top="0" bottom="0" header="0" footer="0"/>';
    const withMerge = sheet(`<sheetData/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><phoneticPr fontId="1"/>${tail}`);
    expect(replace(withMerge).xml).toBe(patched(withMerge, [['<phoneticPr fontId="1"/>', `<phoneticPr fontId="1"/>${block}`]]));
    const bare = sheet(`<sheetData/>${tail}`);
    expect(replace(bare).xml).toBe(patched(bare, [['<sheetData/>', `<sheetData/>${block}`]]));
    const protectedSheet = sheet('<sheetData/><sheetProtection sheet="1"/><autoFilter ref="A1:C9"/><printOptions/><drawing r:id="rId2"/>');
    expect(replace(protectedSheet).xml).toContain(`<autoFilter ref="A1:C9"/>${block}<printOptions/>`);
  });
});

describe('WorksheetPart: elements pointing to related parts', () => {
  const TAIL = '<tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst><ext uri="{x}"/></extLst>';
  const XML = sheet(`<sheetData/><pageMargins left="0" right="0" top="0" bottom="0" header="0" footer="0"/><drawing r:id="rId1"/>${TAIL}`);

  it('adds `legacyDrawing` after `drawing`, before `tableParts` and `extLst`; reads and removes it', () => {
    const ws = new WorksheetPart(XML, 'S');
    expect(ws.relationshipOf('drawing')).toBe('rId1');
    expect(ws.relationshipOf('legacyDrawing')).toBeNull();
    ws.addRelationshipElement('legacyDrawing', 'rId9');
    expect(ws.toXml()).toBe(patched(XML, [['<drawing r:id="rId1"/>', '<drawing r:id="rId1"/><legacyDrawing r:id="rId9"/>']]));
    expect(ws.relationshipOf('legacyDrawing')).toBe('rId9');
    ws.removeElement('legacyDrawing');
    expect(ws.toXml()).toBe(XML);
    ws.removeElement('legacyDrawing'); // nothing left to remove
    expect(ws.toXml()).toBe(XML);
  });

  it('declares the relationships namespace on the element when the root does not bind it', () => {
    const xml = sheet('<sheetData/><extLst/>', '');
    const ws = new WorksheetPart(xml, 'S');
    ws.addRelationshipElement('legacyDrawing', 'rId3');
    expect(ws.toXml()).toBe(sheet(`<sheetData/><legacyDrawing xmlns:r="${RELS}" r:id="rId3"/><extLst/>`, ''));
    wellFormed(ws.toXml());
    expect(ws.relationshipOf('legacyDrawing')).toBe('rId3');
  });

  it('uses the prefix the root binds to the relationships namespace', () => {
    const xml = sheet('<sheetData/>', ` xmlns:rel="${RELS}"`);
    const ws = new WorksheetPart(xml, 'S');
    ws.addRelationshipElement('legacyDrawing', 'rId4');
    expect(ws.toXml()).toContain('<sheetData/><legacyDrawing rel:id="rId4"/>');
    expect(ws.relationshipOf('legacyDrawing')).toBe('rId4');
  });

  it('inserts any element by the schema order, after those of the same name', () => {
    const xml = sheet('<sheetData/><dataValidations count="0"/><hyperlinks/><pageMargins left="0" right="0" top="0" bottom="0" header="0" footer="0"/>');
    const ws = new WorksheetPart(xml, 'S');
    ws.insertElement('hyperlinks', '<hyperlinks><hyperlink ref="A1" location="S!B2"/></hyperlinks>');
    ws.insertElement('sheetPr', '<sheetPr><tabColor rgb="FFFF0000"/></sheetPr>');
    ws.insertElement('printOptions', '<printOptions gridLines="1"/>');
    expect(ws.toXml()).toBe(
      sheet(
        '<sheetPr><tabColor rgb="FFFF0000"/></sheetPr><sheetData/><dataValidations count="0"/><hyperlinks/>' +
          '<hyperlinks><hyperlink ref="A1" location="S!B2"/></hyperlinks><printOptions gridLines="1"/>' +
          '<pageMargins left="0" right="0" top="0" bottom="0" header="0" footer="0"/>',
      ),
    );
  });

  it('refuses a part that is not a worksheet, and a worksheet without cell data', () => {
    expect(() => new WorksheetPart(`<chartsheet xmlns="${MAIN}"/>`, 'Chart1')).toThrow(PackageError);
    expect(() => new WorksheetPart(sheet(''), 'S').setCells([edit('A1', 1)], { replaceFormulas: false })).toThrow('sheet "S" has no cell data');
  });
});

describe('WorksheetPart on a sheet written by ExcelJS', () => {
  it('sets cells and adds a rule; ExcelJS reads back values, styles, merges and the user rule', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('進捗');
    ws.getCell('A1').value = 'KPI';
    ws.getCell('B2').value = 0.35;
    ws.getCell('B2').numFmt = '0.0%';
    ws.getCell('B2').font = { bold: true };
    ws.getCell('C3').value = '結合';
    ws.mergeCells('C3:D4');
    ws.getCell('A5').value = 2;
    ws.addConditionalFormatting({
      ref: 'A1:A5',
      rules: [{ type: 'expression', priority: 1, formulae: ['A1>1'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } } }],
    });
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const before = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    wellFormed(before);

    const apply = (xml: string): { xml: string; removed: number } => {
      const part = new WorksheetPart(xml, '進捗');
      part.setCells([edit('A1', '順調'), edit('B2', 0.5), edit('F7', 42), edit('E2', '新')], { replaceFormulas: false });
      const removed = part.replaceConditionalFormats(
        (sqref) => sqref === 'F2:F9',
        (start) => [conditionalFormatXml(part.prefix, ['F2:F9'], [{ text: '順調', dxfId: 0 }], start)],
      );
      wellFormed(part.toXml());
      return { xml: part.toXml(), removed };
    };
    const first = apply(before);
    expect(first.removed).toBe(0);
    const again = apply(first.xml);
    expect(again).toEqual({ xml: first.xml, removed: 1 });
    expect(first.xml).toContain('<dimension ref="A1:F7"/>');
    expect(first.xml).toContain('<mergeCells count="1"><mergeCell ref="C3:D4"/></mergeCells>');

    zip.file('xl/worksheets/sheet1.xml', first.xml);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await zip.generateAsync({ type: 'nodebuffer' })) as unknown as ArrayBuffer);
    const out = reread.getWorksheet('進捗')!;
    expect(out.getCell('A1').value).toBe('順調');
    expect(out.getCell('B2').value).toBe(0.5);
    expect(out.getCell('B2').numFmt).toBe('0.0%');
    expect(out.getCell('B2').font?.bold).toBe(true);
    expect(out.getCell('E2').value).toBe('新');
    expect(out.getCell('F7').value).toBe(42);
    expect(out.getCell('C3').value).toBe('結合');
    expect(out.getCell('D4').isMerged).toBe(true);
    expect(out.getCell('A5').value).toBe(2);
    const cfs = (out as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[]; priority: number }[] }[] }).conditionalFormattings;
    expect(cfs.map((c) => [c.ref, c.rules.map((r) => [r.formulae?.[0], r.priority])])).toEqual([
      ['A1:A5', [['A1>1', 1]]],
      ['F2:F9', [['TRIM(F2)="順調"', 2]]],
    ]);
  });
});

describe('WorksheetPart on a large sheet', () => {
  it('makes 20,000 edits across 2,000 rows of a 5 MB sheet (replaced and new cells)', () => {
    const rows: string[] = [];
    for (let r = 1; r <= 6000; r++) {
      const cells: string[] = [];
      for (let c = 0; c < 40; c += 2) cells.push(`<c r="${letters(c)}${r}" s="1" t="s"><v>${(r * 40 + c) % 9973}</v></c>`);
      rows.push(`<row r="${r}" spans="1:40" x14ac:dyDescent="0.25">${cells.join('')}</row>`);
    }
    const xml = sheet(
      `<dimension ref="A1:AM6000"/><sheetData>${rows.join('')}</sheetData>`,
      ` xmlns:r="${RELS}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"`,
    );
    expect(xml.length).toBeGreaterThan(5_000_000);
    const edits: CellEdit[] = [];
    for (let r = 0; r < 2000; r++) for (let k = 0; k < 10; k++) edits.push({ row: r * 3 + 1, col: k * 4 + (k % 2), value: k % 3 === 0 ? r : `t${r}` });
    const out = set(xml, edits);
    const cells = readCells(out);
    expect(cells.A2).toBe('0 s1'); // replaced, style kept
    expect(cells.I2).toBe('t0 s1');
    expect(cells.F2).toBe('t0'); // new (odd column)
    expect(cells.AL5999).toBe('1999');
    expect(cells.A3).toBe(`${(3 * 40) % 9973} s1`); // untouched row
    expect(Object.keys(cells)).toHaveLength(6000 * 20 + 2000 * 5);
  });
});
