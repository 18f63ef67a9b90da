import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import type { CellLook } from '../../../../src/workbook/xlsx/package/stylesPart';
import { StylesPart } from '../../../../src/workbook/xlsx/package/stylesPart';

/** xmllint, an independent reader: throws on XML that is not well-formed. */
function xmllint(xml: string, ...args: string[]): string {
  return execFileSync('/usr/bin/xmllint', [...args, '-'], { input: xml, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}
const xpath = (xml: string, expr: string): string => xmllint(xml, '--xpath', `string(${expr})`).trim();
const CONTAINERS = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', cellXfs: 'xf', dxfs: 'dxf' };
const container = (name: string): string => `/*/*[local-name()="${name}"]`;

/** Well-formed, and every container's `count` equals the number of its entries (read by xmllint). */
function expectSound(xml: string): void {
  expect(() => xmllint(xml, '--noout')).not.toThrow();
  for (const [name, entry] of Object.entries(CONTAINERS)) {
    const count = xpath(xml, `${container(name)}/@count`);
    if (count !== '') expect(`${name}: ${count}`).toBe(`${name}: ${xpath(xml, `count(${container(name)}/*[local-name()="${entry}"])`)}`);
  }
}

/** What cell format `i` shows, read back through xmllint (by local names: the part may use a default namespace or a prefix). */
function describeXf(xml: string, i: number): Record<string, string> {
  const el = (name: string): string => `*[local-name()="${name}"]`;
  const xf = `${container('cellXfs')}/*[${i + 1}]`;
  const font = `${container('fonts')}/*[${Number(xpath(xml, `${xf}/@fontId`)) + 1}]`;
  const fill = `${container('fills')}/*[${Number(xpath(xml, `${xf}/@fillId`)) + 1}]`;
  return {
    numFmtId: xpath(xml, `${xf}/@numFmtId`),
    bold: xpath(xml, `count(${font}/${el('b')})`),
    underline: xpath(xml, `count(${font}/${el('u')})`),
    colour: xpath(xml, `${font}/${el('color')}/@rgb`),
    face: xpath(xml, `${font}/${el('name')}/@val`),
    fill: xpath(xml, `${fill}/${el('patternFill')}/${el('fgColor')}/@rgb`),
    wrap: xpath(xml, `${xf}/${el('alignment')}/@wrapText`),
  };
}

/** `text` with each `[from, to]` replaced; each `from` must occur exactly once (the expected output, spelled out). */
function patched(text: string, edits: [string, string][]): string {
  for (const [from, to] of edits) {
    expect(text.split(from).length - 1).toBe(1);
    text = text.replace(from, () => to);
  }
  return text;
}

/** A second run over the first run's output: the same looks give the same indices and add nothing. */
function expectIdempotent(xml: string, ask: (s: StylesPart) => number[], first: number[]): void {
  const again = new StylesPart(xml);
  expect(ask(again)).toEqual(first);
  expect(again.changed).toBe(false);
  expect(again.toXml()).toBe(xml);
}

/** A Japanese Excel 365 stylesheet: mc:Ignorable, x14ac:knownFonts, custom number formats, a dxf with a font. */
const EXCEL =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">' +
  '<numFmts count="2"><numFmt numFmtId="176" formatCode="#,##0.0_ "/><numFmt numFmtId="177" formatCode="&quot;¥&quot;#,##0;[Red]&quot;¥&quot;\\-#,##0"/></numFmts>' +
  '<fonts count="3" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="ＭＳ Ｐゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font>' +
  '<font><sz val="6"/><name val="ＭＳ Ｐゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="11"/><color theme="1"/><name val="ＭＳ Ｐゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFEEAA"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf><xf numFmtId="38" fontId="0" fillId="0" borderId="0" applyFont="0" applyBorder="0" applyAlignment="0" applyProtection="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="176" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"><alignment vertical="center"/></xf><xf numFmtId="38" fontId="0" fillId="0" borderId="1" xfId="1" applyFont="1" applyBorder="1"><alignment vertical="center"/></xf></cellXfs>' +
  '<cellStyles count="2"><cellStyle name="桁区切り" xfId="1" builtinId="6"/><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '<colors><mruColors><color rgb="FFFFEEAA"/></mruColors></colors>' +
  '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>' +
  '</styleSheet>';

/** Another producer: `x:` prefix, single quotes, CRLF, indentation, comments (one holding a tag), a PI, no dxfs. */
const PREFIXED = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<?producer some-sdk 2.0?>',
  "<x:styleSheet xmlns:x='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>",
  "  <x:numFmts count='1'><x:numFmt numFmtId='170' formatCode='[>=1000]#,##0,\"千\";0'/></x:numFmts>",
  "  <!-- was: <x:fonts count='9'> -->",
  "  <x:fonts count='1'>",
  '    <x:font>',
  "      <x:sz val='11'/>",
  "      <x:name val='游ゴシック'/>",
  "      <x:family val='2'/>",
  '    </x:font>',
  '  </x:fonts>',
  "  <x:fills count='2'><x:fill><x:patternFill patternType='none'/></x:fill><x:fill><x:patternFill patternType='gray125'/></x:fill></x:fills>",
  "  <x:borders count='1'><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border></x:borders>",
  "  <x:cellStyleXfs count='1'><x:xf numFmtId='0' fontId='0' fillId='0' borderId='0'/></x:cellStyleXfs>",
  "  <x:cellXfs count='1'>",
  "    <x:xf numFmtId='0' fontId='0' fillId='0' borderId='0' xfId='0'/>",
  '  </x:cellXfs>',
  "  <x:cellStyles count='1'><x:cellStyle name='Normal' xfId='0' builtinId='0'/></x:cellStyles>",
  '</x:styleSheet>',
  '',
].join('\r\n');

const RED_DXF = { fill: '#FFC7CE', font: '#9C0006' };
const DXF_XML =
  '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>';
const SUMMARY_LOOK: CellLook = { bold: true, fill: '#FFEEAA', numberFormat: '#,##0.0' };

async function excelJsWorkbook(): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('集計');
  ws.getCell('A1').value = '見出し';
  ws.getCell('A1').font = { bold: true };
  ws.getCell('B2').value = 1234.56;
  return JSZip.loadAsync(await wb.xlsx.writeBuffer());
}

/** The workbook with `styles` as its styles part and B2 given cell format `xf`, as ExcelJS reads it back. */
async function reloaded(zip: JSZip, styles: string, xf: number): Promise<ExcelJS.Worksheet> {
  const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/styles.xml', styles);
  expect(sheetXml).toContain('<c r="B2"');
  zip.file('xl/worksheets/sheet1.xml', sheetXml.replace(/<c r="B2"( s="\d+")?/, `<c r="B2" s="${xf}"`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await zip.generateAsync({ type: 'nodebuffer' })) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('StylesPart on a stylesheet ExcelJS wrote', () => {
  let zip: JSZip;
  let original: string;
  beforeAll(async () => {
    zip = await excelJsWorkbook();
    original = await zip.file('xl/styles.xml')!.async('string');
  });

  it('appends the font, fill, format and xf, and expands the empty <dxfs/>', () => {
    const styles = new StylesPart(original);
    expect(styles.changed).toBe(false);
    expect([styles.cellXf(SUMMARY_LOOK), styles.dxf(RED_DXF)]).toEqual([2, 0]);
    const out = styles.toXml();
    expect(out).toBe(
      patched(original, [
        ['<fonts count="2"', '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts><fonts count="3"'],
        // font 0 copied, its children put in CT_Font order (ExcelJS writes them out of order)
        ['<font><b/></font></fonts>', '<font><b/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>'],
        ['<fills count="2">', '<fills count="3">'],
        ['</fill></fills>', '</fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFEEAA"/><bgColor indexed="64"/></patternFill></fill></fills>'],
        ['<cellXfs count="2">', '<cellXfs count="3">'],
        ['</cellXfs>', '<xf numFmtId="164" fontId="2" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/></cellXfs>'],
        ['<dxfs count="0"/>', `<dxfs count="1">${DXF_XML}</dxfs>`],
      ]),
    );
    expectSound(out);
    expectIdempotent(out, (s) => [s.cellXf(SUMMARY_LOOK), s.dxf(RED_DXF)], [2, 0]);
  });

  it('gives a cell Excel will show bold, filled and formatted (ExcelJS reads it back)', async () => {
    const styles = new StylesPart(original);
    const xf = styles.cellXf(SUMMARY_LOOK);
    const ws = await reloaded(zip, styles.toXml(), xf);
    const b2 = ws.getCell('B2');
    expect(b2.font.bold).toBe(true);
    expect(b2.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEEAA' } });
    expect(b2.numFmt).toBe('#,##0.0');
    expect(ws.getCell('A1').font.bold).toBe(true); // the user's own format still means what it meant
  });
});

describe('StylesPart on an Excel stylesheet (Japanese default font, custom number formats)', () => {
  const looks: ((s: StylesPart) => number)[] = [
    (s) => s.cellXf({ numberFormat: '#,##0.0_ ' }), // existing 176
    (s) => s.cellXf({ numberFormat: '"¥"#,##0;[Red]"¥"\\-#,##0' }), // existing 177, compared unescaped
    (s) => s.cellXf({ fill: '#ffeeaa' }), // existing fill 2
    (s) => s.cellXf({ bold: true, font: '#C00000' }),
    (s) => s.cellXf({ numberFormat: '#,##0.0' }), // new: 178
    (s) => s.cellXf({ numberFormat: '0.00%', wrap: true }), // built-in 10
    (s) => s.dxf(RED_DXF), // the existing dxf is written differently: a new one
  ];
  const ask = (s: StylesPart): number[] => looks.map((look) => look(s));

  it('keeps every byte, knownFonts included, and appends after the last entries', () => {
    const styles = new StylesPart(EXCEL);
    expect(ask(styles)).toEqual([4, 5, 6, 7, 8, 9, 1]);
    const out = styles.toXml();
    expect(out).toBe(
      patched(EXCEL, [
        ['<numFmts count="2">', '<numFmts count="3">'],
        ['</numFmts>', '<numFmt numFmtId="178" formatCode="#,##0.0"/></numFmts>'],
        ['<fonts count="3" x14ac:knownFonts="1">', '<fonts count="4" x14ac:knownFonts="1">'],
        ['</fonts>', '<font><b/><sz val="11"/><color rgb="FFC00000"/><name val="ＭＳ Ｐゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font></fonts>'],
        ['<cellXfs count="4">', '<cellXfs count="10">'],
        [
          '</cellXfs>',
          '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
            '<xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
            '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>' +
            '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
            '<xf numFmtId="178" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
            '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>',
        ],
        ['<dxfs count="1">', '<dxfs count="2">'],
        ['</dxfs>', `${DXF_XML}</dxfs>`],
      ]),
    );
    expectSound(out);
    expect(describeXf(out, 7)).toMatchObject({ bold: '1', colour: 'FFC00000', face: 'ＭＳ Ｐゴシック' });
  });

  it('adds nothing the second time, whatever order the looks come in', () => {
    const first = new StylesPart(EXCEL);
    const indices = ask(first);
    const out = first.toXml();
    expectIdempotent(out, ask, indices);
    const reversed = new StylesPart(out);
    expect([...looks].reverse().map((look) => look(reversed))).toEqual([...indices].reverse());
    expect(reversed.changed).toBe(false);
  });

  it('creates missing numFmts and dxfs where the schema puts them', () => {
    const bare = patched(EXCEL, [
      [EXCEL.slice(EXCEL.indexOf('<numFmts'), EXCEL.indexOf('<fonts')), ''],
      [EXCEL.slice(EXCEL.indexOf('<dxfs'), EXCEL.indexOf('<tableStyles')), ''],
    ]);
    const styles = new StylesPart(bare);
    expect([styles.cellXf({ numberFormat: '#,##0.0' }), styles.dxf(RED_DXF)]).toEqual([4, 0]);
    const out = styles.toXml();
    expect(out).toContain('02/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts><fonts ');
    expect(out).toContain(`</cellStyles><dxfs count="1">${DXF_XML}</dxfs><tableStyles `);
    expectSound(out);

    // Nothing after cellStyles at all: dxfs goes last.
    const short = bare.slice(0, bare.indexOf('<tableStyles')) + '</styleSheet>';
    const shortStyles = new StylesPart(short);
    expect(shortStyles.dxf(RED_DXF)).toBe(0);
    expect(shortStyles.toXml()).toBe(short.replace('</styleSheet>', `<dxfs count="1">${DXF_XML}</dxfs></styleSheet>`));
  });
});

describe('StylesPart on a prefixed, commented, single-quoted stylesheet', () => {
  const ask = (s: StylesPart): number[] => [
    s.cellXf({ link: true }),
    s.cellXf({ numberFormat: '[>=1000]#,##0,"千";0' }), // existing 170 (a `>` inside the attribute)
    s.cellXf({ numberFormat: '0.0"%"' }), // new: 171
    s.dxf(RED_DXF),
  ];

  it('uses the root prefix for everything it inserts and counts only direct entries', () => {
    const styles = new StylesPart(PREFIXED);
    expect(ask(styles)).toEqual([1, 2, 3, 0]);
    const out = styles.toXml();
    expect(out).toBe(
      patched(PREFIXED, [
        ["<x:numFmts count='1'>", "<x:numFmts count='2'>"],
        ['</x:numFmts>', '<x:numFmt numFmtId="171" formatCode="0.0&quot;%&quot;"/></x:numFmts>'],
        ["<x:fonts count='1'>", "<x:fonts count='2'>"],
        ['  </x:fonts>', "  <x:font><x:u/><x:sz val='11'/><x:color rgb=\"FF0B5CAD\"/><x:name val='游ゴシック'/><x:family val='2'/></x:font></x:fonts>"],
        ["<x:cellXfs count='1'>", "<x:cellXfs count='4'>"],
        [
          '  </x:cellXfs>',
          '  <x:xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
            '<x:xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
            '<x:xf numFmtId="171" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></x:cellXfs>',
        ],
        ['</x:styleSheet>', `<x:dxfs count="1">${DXF_XML.replace(/<(\/?)/g, '<$1x:')}</x:dxfs></x:styleSheet>`],
      ]),
    );
    expectSound(out);
    expect(describeXf(out, 1)).toMatchObject({ underline: '1', colour: 'FF0B5CAD', face: '游ゴシック' });
    expectIdempotent(out, ask, [1, 2, 3, 0]);
  });
});

describe('StylesPart without a styles part', () => {
  it('makes a minimal stylesheet Excel accepts, with a Japanese default font', async () => {
    const styles = new StylesPart(null);
    expect(styles.changed).toBe(true);
    expect(styles.cellXf({})).toBe(0);
    const minimal = styles.toXml();
    expectSound(minimal);
    expect(xpath(minimal, `${container('fonts')}/*[1]/*[local-name()="name"]/@val`)).toBe('游ゴシック');
    expect(xpath(minimal, `${container('fills')}/*[2]/*/@patternType`)).toBe('gray125');
    expect(xpath(minimal, `${container('cellStyles')}/*[1]/@name`)).toBe('Normal');
    expect(xpath(minimal, `${container('tableStyles')}/@defaultPivotStyle`)).toBe('PivotStyleLight16');

    const link = styles.cellXf({ link: true, font: '#ff0000', wrap: true });
    const summary = styles.cellXf(SUMMARY_LOOK);
    const withLooks = styles.toXml();
    expectSound(withLooks);
    expect(describeXf(withLooks, link)).toEqual({ numFmtId: '0', bold: '0', underline: '1', colour: 'FFFF0000', face: '游ゴシック', fill: '', wrap: '1' });
    const ws = await reloaded(await excelJsWorkbook(), withLooks, summary);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.0');
    expect(ws.getCell('B2').font.name).toBe('游ゴシック');
  });
});

describe('StylesPart looks', () => {
  it('gives 0 for every look that asks for nothing, without changing the part', () => {
    const styles = new StylesPart(EXCEL);
    for (const look of [{}, { bold: false }, { numberFormat: 'General' }, { link: false, wrap: false }]) expect(styles.cellXf(look)).toBe(0);
    expect(styles.changed).toBe(false);
    expect(styles.toXml()).toBe(EXCEL);
  });

  it('gives the same index for the same look, in any colour case', () => {
    const styles = new StylesPart(EXCEL);
    const a = styles.cellXf({ fill: '#ddebf7', bold: true });
    expect(styles.cellXf({ bold: true, fill: '#DDEBF7' })).toBe(a);
    expect(styles.cellXf({ fill: '#ddebf7' })).not.toBe(a);
    expect(styles.dxf({ fill: '#c6efce', font: '#006100' })).toBe(styles.dxf({ fill: '#C6EFCE', font: '#006100' }));
  });

  it('throws, naming the method, for a colour that is not #RRGGBB', () => {
    const styles = new StylesPart(EXCEL);
    expect(() => styles.cellXf({ fill: 'yellow' })).toThrow(/^StylesPart\.cellXf: .*"yellow"/);
    expect(() => styles.cellXf({ font: '#FFF' })).toThrow(/^StylesPart\.cellXf: /);
    expect(() => styles.dxf({ fill: '#FFC7CE', font: 'FF9C0006' })).toThrow(/^StylesPart\.dxf: /);
    expect(styles.cellXf({})).toBe(0);
    expect(() => styles.cellXf({ font: '' })).toThrow(/^StylesPart\.cellXf: /); // not the cached answer for {}
    expect(styles.changed).toBe(false);
  });

  it('pads a stylesheet with fewer than two fills with the reserved ones instead of renumbering', () => {
    const oneFill = EXCEL.replace(/<fills count="3">[\s\S]*?<\/fills>/, '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>');
    const styles = new StylesPart(oneFill);
    const xf = styles.cellXf({ fill: '#FFEEAA' });
    const out = styles.toXml();
    expect(out).toContain(
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
        '<fill><patternFill patternType="solid"><fgColor rgb="FFFFEEAA"/><bgColor indexed="64"/></patternFill></fill></fills>',
    );
    expect(describeXf(out, xf).fill).toBe('FFFFEEAA');
    expectIdempotent(out, (s) => [s.cellXf({ fill: '#FFEEAA' })], [xf]);
  });

  it('answers 200,000 asks for a few looks quickly (once per summary cell)', () => {
    const styles = new StylesPart(EXCEL);
    const looks: CellLook[] = [SUMMARY_LOOK, { link: true }, { numberFormat: '0.0%' }, { wrap: true }, {}];
    const started = performance.now();
    let sum = 0;
    for (let i = 0; i < 200_000; i++) sum += styles.cellXf(looks[i % looks.length]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sum).toBe(40_000 * (4 + 5 + 6 + 7 + 0));
  });

  it('fills out an empty <styleSheet/> so that index 0 stays the plain default', () => {
    const empty = '<?xml version="1.0"?>\r\n<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';
    const styles = new StylesPart(empty);
    expect(styles.cellXf(SUMMARY_LOOK)).toBe(1);
    const out = styles.toXml();
    expectSound(out);
    expect(describeXf(out, 0)).toMatchObject({ numFmtId: '0', bold: '0', fill: '' });
    expect(describeXf(out, 1)).toMatchObject({ numFmtId: '164', bold: '1', face: '游ゴシック', fill: 'FFFFEEAA' });
  });

  it('refuses a stylesheet that is not well-formed', () => {
    expect(() => new StylesPart('<styleSheet><fonts count="0"></styleSheet>')).toThrow(/not well-formed/);
    expect(() => new StylesPart('<worksheet/>')).toThrow(/not <styleSheet>/);
  });
});
