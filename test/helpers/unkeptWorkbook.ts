import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { SAMPLE } from './cli';

/**
 * A workbook (default: the bundled sample) with what Excel users add and ExcelJS cannot save, written as Excel writes them: a chart
 * and a text box in a drawing on the first sheet, a sparkline group, a pivot table with its cache, a link to
 * another workbook and a custom document property (a sensitivity label). Plus what ExcelJS does keep: a picture
 * and a note, which must not be reported.
 */
export async function workbookWithUnkeptParts(base: string = SAMPLE): Promise<Uint8Array> {
  // the picture and the note, through ExcelJS itself
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(base) as unknown as ArrayBuffer);
  const first = wb.worksheets[0];
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  first.addImage(image, 'N2:O4');
  first.getCell('A1').note = '担当課に確認済み'; // on a cell with a value: ExcelJS loses notes on empty cells (see loadXlsx)
  const withPicture = await wb.xlsx.writeBuffer();

  const zip = await JSZip.loadAsync(withPicture as ArrayBuffer);
  const text = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const types = await text('[Content_Types].xml');
  const overrides = [
    ['/xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
    ['/xl/pivotTables/pivotTable1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml'],
    ['/xl/pivotCache/pivotCacheDefinition1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml'],
    ['/xl/externalLinks/externalLink1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml'],
    ['/docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml'],
  ]
    .map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`)
    .join('');
  zip.file('[Content_Types].xml', types.replace('</Types>', `${overrides}</Types>`));

  // The drawing ExcelJS wrote for the picture gets a chart frame and a text box beside the picture.
  const drawingName = Object.keys(zip.files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
  if (!drawingName) throw new Error('workbookWithUnkeptParts: ExcelJS wrote no drawing for the picture');
  const drawing = await text(drawingName);
  const anchor = (from: number, inner: string): string =>
    `<xdr:twoCellAnchor><xdr:from><xdr:col>${from}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${from + 3}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;
  const chartFrame =
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="10" name="グラフ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart1"/></a:graphicData></a:graphic></xdr:graphicFrame>';
  const textBox =
    '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="11" name="テキスト ボックス 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>' +
    '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>R5 は速報値</a:t></a:r></a:p></xdr:txBody></xdr:sp>';
  zip.file(drawingName, drawing.replace('</xdr:wsDr>', `${anchor(16, chartFrame)}${anchor(20, textBox)}</xdr:wsDr>`));
  const drawingRels = drawingName.replace('drawings/', 'drawings/_rels/') + '.rels';
  zip.file(
    drawingRels,
    (await text(drawingRels)).replace(
      '</Relationships>',
      '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
    ),
  );
  zip.file(
    'xl/charts/chart1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>\'基本目標1\'!$D$5:$H$5</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:lineChart></c:plotArea></c:chart></c:chartSpace>',
  );

  // A sparkline group in the first sheet's extension list.
  const sheetName = 'xl/worksheets/sheet1.xml';
  const sheet = await text(sheetName);
  const sparklines =
    '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
    '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:sparklines>' +
    "<x14:sparkline><xm:f>'基本目標1'!D5:H5</xm:f><xm:sqref>M5</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>";
  zip.file(sheetName, sheet.includes('<extLst>') ? sheet.replace('<extLst>', sparklines.replace('</extLst>', '')) : sheet.replace('</worksheet>', `${sparklines}</worksheet>`));

  // A pivot table on the first sheet, and its cache.
  const sheetRels = 'xl/worksheets/_rels/sheet1.xml.rels';
  zip.file(
    sheetRels,
    (await text(sheetRels)).replace(
      '</Relationships>',
      '<Relationship Id="rIdPivot1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>',
    ),
  );
  zip.file(
    'xl/pivotTables/pivotTable1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="ピボット1" cacheId="1" dataCaption="値"><location ref="Q2:R4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>',
  );
  zip.file(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cacheSource type="worksheet"><worksheetSource ref="A3:I5" sheet="基本目標1"/></cacheSource><cacheFields count="0"/></pivotCacheDefinition>',
  );

  // A link to another workbook, and a custom document property.
  const wbRels = 'xl/_rels/workbook.xml.rels';
  zip.file(
    wbRels,
    (await text(wbRels)).replace(
      '</Relationships>',
      '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>' +
        '<Relationship Id="rIdCache1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
    ),
  );
  zip.file(
    'xl/externalLinks/externalLink1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"><sheetNames><sheetName val="人口"/></sheetNames></externalBook></externalLink>',
  );
  zip.file(
    'docProps/custom.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="秘密度"><vt:lpwstr>庁内限り</vt:lpwstr></property></Properties>',
  );
  zip.file(
    '_rels/.rels',
    (await text('_rels/.rels')).replace(
      '</Relationships>',
      '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    ),
  );
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** Part names of an .xlsx, and the text of one of them. */
export async function packageOf(bytes: Uint8Array): Promise<{ names: string[]; text: (name: string) => Promise<string> }> {
  const zip = await JSZip.loadAsync(bytes);
  return { names: Object.keys(zip.files), text: async (name) => (await zip.file(name)?.async('string')) ?? '' };
}
