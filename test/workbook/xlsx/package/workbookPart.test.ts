import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';
import { WorkbookParts } from '../../../../src/workbook/xlsx/package/workbookPart';
import type { PackageCodec } from '../../../../src/workbook/xlsx/package/xlsxPackage';
import { PackageError, XlsxPackage } from '../../../../src/workbook/xlsx/package/xlsxPackage';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MINIMAL_SHEET = `${DECL}<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;

const codec: PackageCodec = {
  inflate: async (d) => zlib.inflateRawSync(d),
  deflate: async (d) => zlib.deflateRawSync(d),
  crc32: zlib.crc32,
};

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Fails the test with xmllint's message when `xml` is not well-formed. */
function wellFormed(xml: string): void {
  execFileSync('/usr/bin/xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
}

async function text(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is missing`);
  return file.async('string');
}

/** `text` with `from` (occurring exactly once) replaced by `to`. */
function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1).toBe(1);
  return text.replace(from, () => to);
}

async function patchPart(zip: JSZip, name: string, change: (xml: string) => string): Promise<void> {
  zip.file(name, change(await text(zip, name)));
}

/**
 * Four sheets as ExcelJS writes them. Sheet2 has a table and a picture it shares with Sheet4; defined names are
 * scoped to Sheet1 (0), Sheet2 (1), Sheet3 (2) and Sheet4 (3), plus a global one; the view's active tab is
 * Sheet3 and its first tab Sheet2 (ExcelJS writes neither localSheetId nor the view: patched in).
 */
async function fourSheets(): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  const sheets = ['Sheet1', 'Sheet2', 'Sheet3', 'Sheet4'].map((name) => wb.addWorksheet(name));
  sheets.forEach((ws, i) => (ws.getCell('A1').value = `値${i + 1}`));
  const image = wb.addImage({ buffer: PNG, extension: 'png' } as unknown as ExcelJS.Image);
  sheets[1].addImage(image, 'B2:C3');
  sheets[3].addImage(image, 'B2:C3');
  sheets[1].addTable({ name: 'Kpi', ref: 'E1', columns: [{ name: '年度' }, { name: '実績' }], rows: [[2024, 1], [2025, 2]] });
  wb.definedNames.add('Sheet1!$A$1', 'global');
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  await patchPart(zip, 'xl/workbook.xml', (xml) =>
    replaceOnce(
      replaceOnce(xml, '<sheets>', '<bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews><sheets>'),
      '</definedNames>',
      '<definedName name="one" localSheetId="0">Sheet1!$A$1</definedName>' +
        '<definedName name="two" localSheetId="1">Sheet2!$A$1</definedName>' +
        '<definedName name="x" localSheetId="2">Sheet3!$A$1</definedName>' +
        '<definedName name="four" localSheetId="3">Sheet4!$A$1</definedName></definedNames>',
    ),
  );
  return zip;
}

async function bytesOf(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: 'uint8array' });
}

async function open(zip: JSZip): Promise<{ pkg: XlsxPackage; wb: WorkbookParts }> {
  const pkg = XlsxPackage.open(await bytesOf(zip), codec);
  return { pkg, wb: await WorkbookParts.open(pkg) };
}

/** Writes back what changed; the new archive as a zip, and as ExcelJS reads it. */
async function save(pkg: XlsxPackage, wb: WorkbookParts): Promise<{ zip: JSZip; book: ExcelJS.Workbook; bytes: Uint8Array }> {
  wb.flush();
  const bytes = await pkg.toBytes();
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(name)) wellFormed(await text(zip, name));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return { zip, book, bytes };
}

const files = (zip: JSZip): string[] => Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
const overrides = (types: string): string[] => [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]).sort();

describe('WorkbookParts: reading', () => {
  it('lists the sheets, finds one by name in any case, and names the styles part', async () => {
    const { wb } = await open(await fourSheets());
    expect(wb.mainPart).toBe('xl/workbook.xml');
    expect(wb.sheets()).toEqual(
      [1, 2, 3, 4].map((n) => ({ name: `Sheet${n}`, sheetId: n, state: 'visible', rId: `rId${n + 3}`, part: `xl/worksheets/sheet${n}.xml`, worksheet: true })),
    );
    expect(wb.find('sheet3')?.part).toBe('xl/worksheets/sheet3.xml');
    expect(wb.find('SHEET3')?.name).toBe('Sheet3');
    expect(wb.find('Sheet9')).toBeUndefined();
    expect(wb.stylesPart()).toBe('xl/styles.xml');
  });

  it('tells a chart sheet from a worksheet, and a sheet whose relationship is missing', async () => {
    const zip = await fourSheets();
    await patchPart(zip, 'xl/workbook.xml', (xml) =>
      replaceOnce(xml, '</sheets>', '<sheet name="Chart1" sheetId="9" state="veryHidden" r:id="rId90"/><sheet name="Lost" sheetId="10" r:id="rId91"/></sheets>'),
    );
    await patchPart(zip, 'xl/_rels/workbook.xml.rels', (xml) =>
      replaceOnce(xml, '</Relationships>', `<Relationship Id="rId90" Type="${RELS}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`),
    );
    const { wb } = await open(zip);
    expect(wb.sheets().slice(4)).toEqual([
      { name: 'Chart1', sheetId: 9, state: 'veryHidden', rId: 'rId90', part: 'xl/chartsheets/sheet1.xml', worksheet: false },
      { name: 'Lost', sheetId: 10, state: 'visible', rId: 'rId91', part: null, worksheet: false },
    ]);
  });

  it('refuses Strict Open XML and a package naming no workbook', async () => {
    const strict = await fourSheets();
    await patchPart(strict, 'xl/workbook.xml', (xml) => replaceOnce(xml, `xmlns="${MAIN}"`, 'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"'));
    await expect(open(strict)).rejects.toThrow(PackageError);
    await expect(open(strict)).rejects.toThrow('Strict Open XML');

    const strictRels = await fourSheets();
    await patchPart(strictRels, '_rels/.rels', (xml) =>
      replaceOnce(xml, `${RELS}/officeDocument`, 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument'),
    );
    await expect(open(strictRels)).rejects.toThrow('Strict Open XML');

    const headless = await fourSheets();
    await patchPart(headless, '_rels/.rels', (xml) => xml.replace(/<Relationship [^>]*officeDocument"[^>]*\/>/, ''));
    await expect(open(headless)).rejects.toThrow(PackageError);
    await expect(open(headless)).rejects.toThrow('the package names no workbook part');
  });
});

describe('WorkbookParts: adding and hiding sheets', () => {
  it('adds a hidden sheet at the end: free part, relationship, content type, fresh sheetId', async () => {
    const zip = await fourSheets();
    const { pkg, wb } = await open(zip);
    const before = pkg.names();
    const entry = wb.addSheet('新しい', 'hidden');
    expect(before).not.toContain(entry.part);
    expect(entry).toEqual({ name: '新しい', sheetId: 5, state: 'hidden', rId: 'rId8', part: 'xl/worksheets/sheet5.xml', worksheet: true });
    expect(wb.sheets()[4]).toEqual(entry);
    pkg.setText(entry.part!, MINIMAL_SHEET);
    const out = await save(pkg, wb);

    const workbook = await text(out.zip, 'xl/workbook.xml');
    expect(workbook).toBe(
      replaceOnce(await text(zip, 'xl/workbook.xml'), '</sheets>', '<sheet name="新しい" sheetId="5" state="hidden" r:id="rId8"/></sheets>'),
    );
    expect(await text(out.zip, 'xl/_rels/workbook.xml.rels')).toBe(
      replaceOnce(
        await text(zip, 'xl/_rels/workbook.xml.rels'),
        '</Relationships>',
        `<Relationship Id="rId8" Type="${RELS}/worksheet" Target="worksheets/sheet5.xml"/></Relationships>`,
      ),
    );
    expect(await text(out.zip, '[Content_Types].xml')).toContain(`<Override PartName="/xl/worksheets/sheet5.xml" ContentType="${WORKSHEET_TYPE}"/></Types>`);

    const sheets = out.book.worksheets;
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ['Sheet1', 'visible'],
      ['Sheet2', 'visible'],
      ['Sheet3', 'visible'],
      ['Sheet4', 'visible'],
      ['新しい', 'hidden'],
    ]);
    // every part it did not touch is byte-identical
    for (const name of files(zip)) {
      if (['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'].includes(name)) continue;
      expect([name, await out.zip.file(name)!.async('base64')]).toEqual([name, await zip.file(name)!.async('base64')]);
    }
  });

  it('takes the first free part name and the next sheetId after the highest', async () => {
    const zip = await fourSheets();
    await patchPart(zip, 'xl/workbook.xml', (xml) => replaceOnce(xml, 'sheetId="2"', 'sheetId="17"'));
    zip.file('xl/worksheets/sheet5.xml', MINIMAL_SHEET); // a part nothing refers to still takes the name
    const { pkg, wb } = await open(zip);
    const entry = wb.addSheet('a"&<b', 'veryHidden');
    expect(entry.part).toBe('xl/worksheets/sheet6.xml');
    expect(entry.sheetId).toBe(18);
    pkg.setText(entry.part!, MINIMAL_SHEET);
    const out = await save(pkg, wb);
    expect(await text(out.zip, 'xl/workbook.xml')).toContain('<sheet name="a&quot;&amp;&lt;b" sheetId="18" state="veryHidden" r:id="rId8"/></sheets>');
    expect(out.book.worksheets.at(-1)?.name).toBe('a"&<b');
    expect(out.book.worksheets.at(-1)?.state).toBe('veryHidden');
  });

  it('sets the state of a sheet found in any case; visible drops the attribute', async () => {
    const zip = await fourSheets();
    const { pkg, wb } = await open(zip);
    wb.setState('nope', 'hidden');
    wb.flush();
    expect(pkg.modified).toBe(false);
    wb.setState('sheet1', 'visible'); // ExcelJS wrote state="visible": the attribute goes (visible is the default)
    wb.setState('sheet2', 'hidden');
    wb.setState('SHEET3', 'veryHidden');
    expect(wb.sheets().map((s) => s.state)).toEqual(['visible', 'hidden', 'veryHidden', 'visible']);
    wb.setState('Sheet3', 'visible');
    expect(wb.find('Sheet3')?.state).toBe('visible');
    wb.setState('Sheet3', 'veryHidden');
    const out = await save(pkg, wb);
    expect(out.book.worksheets.map((s) => s.state)).toEqual(['visible', 'hidden', 'veryHidden', 'visible']);
    const workbook = await text(out.zip, 'xl/workbook.xml');
    expect(workbook).toContain('<sheet sheetId="1" name="Sheet1" r:id="rId4"/><sheet sheetId="2" name="Sheet2" state="hidden" r:id="rId5"/>');
    expect(workbook).toContain('<sheet sheetId="4" name="Sheet4" state="visible" r:id="rId7"/>');
  });
});

describe('WorkbookParts.removeSheet', () => {
  it('removes the sheet, its relationship and the parts only it used; keeps a shared picture', async () => {
    const zip = await fourSheets();
    const { pkg, wb } = await open(zip);
    await wb.removeSheet('sheet2');
    expect(wb.sheets().map((s) => s.name)).toEqual(['Sheet1', 'Sheet3', 'Sheet4']);
    const out = await save(pkg, wb);

    const gone = ['xl/worksheets/sheet2.xml', 'xl/worksheets/_rels/sheet2.xml.rels', 'xl/tables/table1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels'];
    expect(files(out.zip)).toEqual(files(zip).filter((n) => !gone.includes(n)));
    expect(files(out.zip)).toContain('xl/media/image1.png');
    const types = await text(out.zip, '[Content_Types].xml');
    expect(overrides(types)).toEqual(overrides(await text(zip, '[Content_Types].xml')).filter((n) => !gone.includes(n)));
    expect(await text(out.zip, 'xl/_rels/workbook.xml.rels')).not.toContain('sheet2.xml');

    const workbook = await text(out.zip, 'xl/workbook.xml');
    expect(workbook).not.toContain('name="Sheet2"');
    expect(workbook).toContain('<workbookView activeTab="1" firstSheet="1"/>');
    expect(workbook).toContain(
      '<definedName name="global">Sheet1!$A$1</definedName><definedName name="one" localSheetId="0">Sheet1!$A$1</definedName>' +
        '<definedName name="x" localSheetId="1">Sheet3!$A$1</definedName><definedName name="four" localSheetId="2">Sheet4!$A$1</definedName></definedNames>',
    );

    for (const name of files(out.zip)) {
      if (['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'].includes(name)) continue;
      expect([name, await out.zip.file(name)!.async('base64')]).toEqual([name, await zip.file(name)!.async('base64')]);
    }
    expect(out.book.worksheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet3', 'Sheet4']);
    expect(out.book.getWorksheet('Sheet4')!.getImages()).toHaveLength(1);
    expect(out.book.getWorksheet('Sheet3')!.getCell('A1').value).toBe('値3');
  });

  it('moves the active and first tab and the names scoped to later sheets down', async () => {
    const { pkg, wb } = await open(await fourSheets());
    await wb.removeSheet('Sheet1');
    const out = await save(pkg, wb);
    const workbook = await text(out.zip, 'xl/workbook.xml');
    expect(workbook).toContain('<workbookView activeTab="1" firstSheet="0"/>');
    expect(workbook).toContain(
      '<definedNames><definedName name="global">Sheet1!$A$1</definedName><definedName name="two" localSheetId="0">Sheet2!$A$1</definedName>' +
        '<definedName name="x" localSheetId="1">Sheet3!$A$1</definedName><definedName name="four" localSheetId="2">Sheet4!$A$1</definedName></definedNames>',
    );
    expect(out.book.worksheets.map((s) => s.name)).toEqual(['Sheet2', 'Sheet3', 'Sheet4']);
  });

  it('moves the active tab off a removed active sheet to the first visible one, and drops an emptied definedNames', async () => {
    const zip = await fourSheets();
    await patchPart(zip, 'xl/workbook.xml', (xml) =>
      xml.replace(/<definedNames>[\s\S]*<\/definedNames>/, '<definedNames><definedName name="x" localSheetId="2">Sheet3!$A$1</definedName></definedNames>'),
    );
    const { pkg, wb } = await open(zip);
    wb.setState('Sheet1', 'hidden');
    await wb.removeSheet('Sheet3');
    const out = await save(pkg, wb);
    const workbook = await text(out.zip, 'xl/workbook.xml');
    expect(workbook).toContain('<workbookView activeTab="1" firstSheet="1"/>');
    expect(workbook).not.toContain('definedName');
    expect(out.book.worksheets.map((s) => s.name)).toEqual(['Sheet1', 'Sheet2', 'Sheet4']);
  });

  it('keeps a part used by the rest of the workbook, and what that part uses in turn', async () => {
    // Sheet2 holds a pivot table; its cache (and the cache's records) belong to the workbook.
    const zip = await fourSheets();
    const PIVOT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml';
    const CACHE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml';
    const RECORDS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml';
    const rels = (...items: [string, string, string][]): string =>
      `${DECL}<Relationships xmlns="${PKG_RELS}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${RELS}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
    zip.file('xl/pivotTables/pivotTable1.xml', `${DECL}<pivotTableDefinition xmlns="${MAIN}" name="P" cacheId="1"/>`);
    zip.file('xl/pivotTables/_rels/pivotTable1.xml.rels', rels(['rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml']));
    zip.file('xl/pivotCache/pivotCacheDefinition1.xml', `${DECL}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${RELS}" r:id="rId1"/>`);
    zip.file('xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', rels(['rId1', 'pivotCacheRecords', 'pivotCacheRecords1.xml']));
    zip.file('xl/pivotCache/pivotCacheRecords1.xml', `${DECL}<pivotCacheRecords xmlns="${MAIN}" count="0"/>`);
    await patchPart(zip, 'xl/worksheets/_rels/sheet2.xml.rels', (xml) =>
      replaceOnce(xml, '</Relationships>', `<Relationship Id="rId9" Type="${RELS}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`),
    );
    await patchPart(zip, 'xl/_rels/workbook.xml.rels', (xml) =>
      replaceOnce(xml, '</Relationships>', `<Relationship Id="rId20" Type="${RELS}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`),
    );
    await patchPart(zip, '[Content_Types].xml', (xml) =>
      replaceOnce(
        xml,
        '</Types>',
        `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="${PIVOT_TABLE}"/>` +
          `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${CACHE}"/>` +
          `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${RECORDS}"/></Types>`,
      ),
    );
    const { pkg, wb } = await open(zip);
    await wb.removeSheet('Sheet2');
    wb.flush();
    const out = await JSZip.loadAsync(await pkg.toBytes());
    expect(files(out)).not.toContain('xl/pivotTables/pivotTable1.xml');
    expect(files(out)).toEqual(
      expect.arrayContaining(['xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', 'xl/pivotCache/pivotCacheRecords1.xml']),
    );
    expect(overrides(await text(out, '[Content_Types].xml'))).toEqual(
      expect.arrayContaining(['xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml']),
    );
  });

  it('does nothing for a sheet that is not there', async () => {
    const { pkg, wb } = await open(await fourSheets());
    await wb.removeSheet('Sheet9');
    wb.flush();
    expect(pkg.modified).toBe(false);
  });
});

describe('WorkbookParts.dropCalcChain', () => {
  it('removes the calculation chain part, its relationship and its content type', async () => {
    const zip = await fourSheets();
    zip.file('xl/calcChain.xml', `${DECL}<calcChain xmlns="${MAIN}"><c r="A1" i="1"/></calcChain>`);
    await patchPart(zip, 'xl/_rels/workbook.xml.rels', (xml) =>
      replaceOnce(xml, '</Relationships>', `<Relationship Id="rId30" Type="${RELS}/calcChain" Target="calcChain.xml"/></Relationships>`),
    );
    await patchPart(zip, '[Content_Types].xml', (xml) =>
      replaceOnce(xml, '</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'),
    );
    const original = {
      rels: await text(zip, 'xl/_rels/workbook.xml.rels'),
      types: await text(zip, '[Content_Types].xml'),
    };
    const { pkg, wb } = await open(zip);
    wb.dropCalcChain();
    const out = await save(pkg, wb);
    expect(files(out.zip)).not.toContain('xl/calcChain.xml');
    expect(await text(out.zip, 'xl/_rels/workbook.xml.rels')).toBe(original.rels.replace(/<Relationship Id="rId30"[^>]*\/>/, ''));
    expect(await text(out.zip, '[Content_Types].xml')).toBe(original.types.replace(/<Override PartName="\/xl\/calcChain.xml"[^>]*\/>/, ''));
    expect(await text(out.zip, 'xl/workbook.xml')).toBe(await text(zip, 'xl/workbook.xml'));
    expect(out.book.worksheets).toHaveLength(4);
  });

  it('changes nothing when there is no chain', async () => {
    const { pkg, wb } = await open(await fourSheets());
    wb.dropCalcChain();
    wb.flush();
    expect(pkg.modified).toBe(false);
  });
});

describe('WorkbookParts: a workbook part written with prefixes', () => {
  async function prefixed(): Promise<JSZip> {
    const zip = await fourSheets();
    zip.file(
      'xl/workbook.xml',
      `${DECL}<x:workbook xmlns:x="${MAIN}" xmlns:rel="${RELS}"><x:workbookPr/><x:bookViews><x:workbookView activeTab="3"/></x:bookViews>` +
        '<x:sheets><x:sheet name="Sheet1" sheetId="1" rel:id="rId4"/><x:sheet name="Sheet2" sheetId="2" state="hidden" rel:id="rId5"/>' +
        '<x:sheet name="Sheet3" sheetId="3" rel:id="rId6"/><x:sheet name="Sheet4" sheetId="4" rel:id="rId7"/></x:sheets>' +
        '<x:definedNames><x:definedName name="x" localSheetId="3">Sheet4!$A$1</x:definedName></x:definedNames></x:workbook>',
    );
    return zip;
  }

  it('reads the sheets and adds one with the same prefixes', async () => {
    const { pkg, wb } = await open(await prefixed());
    expect(wb.sheets().map((s) => [s.name, s.state, s.part])).toEqual([
      ['Sheet1', 'visible', 'xl/worksheets/sheet1.xml'],
      ['Sheet2', 'hidden', 'xl/worksheets/sheet2.xml'],
      ['Sheet3', 'visible', 'xl/worksheets/sheet3.xml'],
      ['Sheet4', 'visible', 'xl/worksheets/sheet4.xml'],
    ]);
    const entry = wb.addSheet('新しい', 'hidden');
    pkg.setText(entry.part!, MINIMAL_SHEET);
    wb.flush();
    const bytes = await pkg.toBytes();
    const zip = await JSZip.loadAsync(bytes);
    const workbook = await text(zip, 'xl/workbook.xml');
    wellFormed(workbook);
    expect(workbook).toContain('<x:sheet name="Sheet4" sheetId="4" rel:id="rId7"/><x:sheet name="新しい" sheetId="5" state="hidden" rel:id="rId8"/></x:sheets>');
    const again = await WorkbookParts.open(XlsxPackage.open(bytes, codec));
    expect(again.sheets().at(-1)).toEqual(entry);
  });

  it('declares the relationships namespace on a new sheet when the root does not bind it', async () => {
    const zip = await fourSheets();
    zip.file(
      'xl/workbook.xml',
      `${DECL}<workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${RELS}" name="Sheet1" sheetId="1" r:id="rId4"/></sheets></workbook>`,
    );
    const { pkg, wb } = await open(zip);
    expect(wb.sheets().map((s) => s.part)).toEqual(['xl/worksheets/sheet1.xml']);
    const entry = wb.addSheet('B', 'visible');
    expect(wb.sheets().map((s) => [s.name, s.rId])).toEqual([['Sheet1', 'rId4'], ['B', 'rId8']]);
    pkg.setText(entry.part!, MINIMAL_SHEET);
    wb.flush();
    const workbook = await text(await JSZip.loadAsync(await pkg.toBytes()), 'xl/workbook.xml');
    wellFormed(workbook);
    expect(workbook).toContain(`<sheet name="B" sheetId="2" xmlns:r="${RELS}" r:id="rId8"/></sheets>`);
  });

  it('removes a sheet and shifts positions with the same prefixes', async () => {
    const { pkg, wb } = await open(await prefixed());
    await wb.removeSheet('Sheet3');
    wb.flush();
    const workbook = await text(await JSZip.loadAsync(await pkg.toBytes()), 'xl/workbook.xml');
    wellFormed(workbook);
    expect(workbook).toContain('<x:workbookView activeTab="2"/>');
    expect(workbook).toContain('<x:definedName name="x" localSheetId="2">Sheet4!$A$1</x:definedName>');
    expect(wb.sheets().map((s) => s.name)).toEqual(['Sheet1', 'Sheet2', 'Sheet4']);
  });
});
