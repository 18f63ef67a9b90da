import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { parseComments } from '../../../src/workbook/xlsx/notes';
import { loadXlsx, saveXlsx } from '../../../src/workbook/xlsx/workbookFile';
import { SAMPLE } from '../../helpers/cli';

async function sampleWithNotes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  ws.getCell('A1').note = '表題のメモ';
  ws.getCell('N8').note = 'R5 の実績は 12 月に確定 & 更新予定'; // N8 is empty
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('notes on empty cells', () => {
  it('are lost by ExcelJS alone (why loadXlsx puts them back)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await sampleWithNotes()) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell('A1').note).toBe('表題のメモ');
    expect(wb.worksheets[0].getCell('N8').note).toBeUndefined();
  });

  it('survive loadXlsx, a save and a second load', async () => {
    const first = await loadXlsx(ExcelJS, await sampleWithNotes());
    expect(first.workbook.worksheets[0].getCell('N8').note).toBe('R5 の実績は 12 月に確定 & 更新予定');
    const again = await loadXlsx(ExcelJS, await saveXlsx(first.workbook));
    const ws = again.workbook.worksheets[0];
    expect(ws.getCell('N8').note).toBe('R5 の実績は 12 月に確定 & 更新予定');
    expect(ws.getCell('A1').note).toBe('表題のメモ');
  });

  it('reads the text of every run, without phonetic guides, with or without a namespace prefix', () => {
    const xml =
      '<x:comments xmlns:x="ns"><x:commentList><x:comment ref="b2" authorId="0"><x:text><x:r><x:rPr><x:b/></x:rPr><x:t>作成者:</x:t></x:r>' +
      '<x:r><x:t xml:space="preserve">\n目安値は&lt;暫定&gt;</x:t></x:r><x:rPh sb="0" eb="1"><x:t>メヤス</x:t></x:rPh></x:text></x:comment>' +
      '<x:comment ref="C3" authorId="0"><x:text><x:t>単一&#x2713;</x:t></x:text></x:comment></x:commentList></x:comments>';
    expect(parseComments(xml)).toEqual([
      { ref: 'B2', text: '作成者:\n目安値は<暫定>' },
      { ref: 'C3', text: '単一✓' },
    ]);
  });
});
