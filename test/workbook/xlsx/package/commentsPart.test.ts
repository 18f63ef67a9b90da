import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import type { NoteEdit, NotesInput, NotesOutput } from '../../../../src/workbook/xlsx/package/commentsPart';
import { idmapBlocks, patchNotes, readNotes } from '../../../../src/workbook/xlsx/package/commentsPart';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const VML_ROOT =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:x="urn:schemas-microsoft-com:office:excel">';
const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** Fails the test with xmllint's message when `xml` is not well-formed. */
function wellFormed(xml: string): void {
  execFileSync('/usr/bin/xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
}

function patch(input: Partial<NotesInput> & { edits: readonly NoteEdit[] }): NotesOutput {
  const out = patchNotes({ comments: null, vml: null, idmapBlock: 1, author: 'Shinchoku', ...input });
  if (out.comments !== null) wellFormed(out.comments);
  return out;
}

const note = (row: number, col: number, text: string | null): NoteEdit => ({ row, col, text });

/** A comment as patchNotes adds it; `p` is the namespace prefix with its colon. */
const added = (ref: string, authorId: number, text: string, p = ''): string =>
  `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${text}</${p}t>` +
  `</${p}r></${p}text></${p}comment>`;

/** The note shapes of a VML part: `row,col` of each, in document order. */
function noteCells(vml: string): string[] {
  return [...vml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map((m) => `${m[1]},${m[2]}`);
}

/** A workbook as ExcelJS writes it: B2 holds a note (and a value), D5 a value only. */
async function excelJsBook(): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('進捗');
  ws.getCell('B2').value = 'KPI';
  ws.getCell('B2').note = '既存';
  ws.getCell('D5').value = 97.2;
  return JSZip.loadAsync(await wb.xlsx.writeBuffer());
}

async function excelJsParts(): Promise<{ comments: string; vml: string }> {
  const zip = await excelJsBook();
  return {
    comments: await zip.file('xl/comments1.xml')!.async('string'),
    vml: await zip.file('xl/drawings/vmlDrawing1.vml')!.async('string'),
  };
}

describe('patchNotes: new parts', () => {
  it('builds both parts from nothing, the way Excel expects them', () => {
    const out = patch({ edits: [note(4, 3, 'a'), note(0, 0, 'b')], idmapBlock: 3 });
    expect(out.comments).toBe(
      `${DECL}<comments xmlns="${MAIN}"><authors><author>Shinchoku</author></authors><commentList>` +
        `${added('A1', 0, 'b')}${added('D5', 0, 'a')}</commentList></comments>`,
    );
    const vml = out.vml!;
    const layout = '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="3"/></o:shapelayout>';
    expect(vml.startsWith(`${VML_ROOT}${layout}${SHAPETYPE}<v:shape id="_x0000_s3073"`)).toBe(true);
    expect(vml.endsWith('</v:shape></xml>')).toBe(true);
    expect(vml).toContain('id="_x0000_s3074"');
    expect(vml).toContain('<x:Anchor>4, 15, 3, 2, 6, 15, 7, 16</x:Anchor>');
    expect(vml).toContain('<x:Anchor>1, 15, 0, 2, 3, 15, 3, 16</x:Anchor>');
    expect(vml).toContain('z-index:2;visibility:hidden" fillcolor="#ffffe1"');
    expect(noteCells(vml)).toEqual(['0,0', '4,3']);
    expect(idmapBlocks(vml)).toEqual([3]);
    wellFormed(vml);
  });

  it('gives nulls when there is nothing to write', () => {
    expect(patch({ edits: [] })).toEqual({ comments: null, vml: null });
    expect(patch({ edits: [note(1, 1, null)] })).toEqual({ comments: null, vml: null });
  });

  it('declares every idmap block its shape ids use (more than 1023 notes)', () => {
    const edits = Array.from({ length: 1100 }, (_, i) => note(i, 0, `n${i}`));
    const out = patch({ edits, idmapBlock: 2 });
    expect(idmapBlocks(out.vml!)).toEqual([2, 3]);
    expect(out.vml).toContain('_x0000_s3148"'); // 2*1024 + 1100
  });

  it('rejects cells outside the sheet and a bad idmap block (programmer errors)', () => {
    expect(() => patch({ edits: [note(-1, 0, 'x')] })).toThrow(/patchNotes/);
    expect(() => patch({ edits: [note(0, 16384, 'x')] })).toThrow(/patchNotes/);
    expect(() => patch({ edits: [note(0, 0, 'x')], idmapBlock: 0 })).toThrow(/idmapBlock/);
  });
});

describe('patchNotes: parts written by ExcelJS', () => {
  let parts: { comments: string; vml: string };
  beforeAll(async () => {
    parts = await excelJsParts();
  });

  it('adds a note: existing comment, author and shape byte-identical, new author appended', () => {
    const out = patch({ ...parts, edits: [note(4, 3, '実績')], idmapBlock: 9 });
    const b2 = /<comment ref="B2"[\s\S]*?<\/comment>/.exec(parts.comments)![0];
    expect(out.comments).toBe(
      parts.comments
        .replace('</authors>', '<author>Shinchoku</author></authors>')
        .replace('</commentList>', `${added('D5', 1, '実績')}</commentList>`),
    );
    expect(out.comments).toContain(b2);
    const vml = out.vml!;
    expect(vml.startsWith(parts.vml.slice(0, parts.vml.lastIndexOf('</xml>')))).toBe(true);
    expect(vml.match(/id="_x0000_t202"/g)).toHaveLength(1); // shapetype not added twice
    expect(vml).toContain('<v:shape id="_x0000_s1026"'); // after ExcelJS's 1025, not from block 9
    expect(vml).toContain('z-index:2;');
    expect(idmapBlocks(vml)).toEqual([1]);
    expect(noteCells(vml)).toEqual(['1,1', '4,3']);
  });

  it('reuses an author already listed', () => {
    const out = patch({ ...parts, edits: [note(4, 3, 'x')], author: 'Author' });
    expect(out.comments).toContain('<comment ref="D5" authorId="0">');
    expect(out.comments!.match(/<author>/g)).toHaveLength(1);
  });

  it('replaces the text of an existing note: attributes and VML shape kept', () => {
    const out = patch({ ...parts, edits: [note(1, 1, '更新')] });
    const updated = parts.comments.replace('<r><t>既存</t></r>', '<r><t xml:space="preserve">更新</t></r>');
    expect(out.comments).toBe(updated);
    expect(out.vml).toBe(parts.vml);
  });

  it('removes one of two notes, then the last one (nulls)', () => {
    const two = patch({ ...parts, edits: [note(4, 3, 'D5')] });
    const one = patch({ ...two, edits: [note(1, 1, null)] });
    expect(readNotes(one.comments!)).toEqual(new Map([['D5', 'D5']]));
    expect(noteCells(one.vml!)).toEqual(['4,3']);
    expect(one.vml).toContain(SHAPETYPE.slice(0, 40));
    expect(patch({ ...one, edits: [note(4, 3, null)] })).toEqual({ comments: null, vml: null });
    expect(patch({ ...parts, edits: [note(1, 1, null)] })).toEqual({ comments: null, vml: null });
  });

  it('is idempotent: the same edits on its own output change nothing', () => {
    const edits = [note(1, 1, '更新'), note(4, 3, 'a\nb'), note(0, 5, null)];
    const once = patch({ ...parts, edits });
    expect(patch({ ...once, edits })).toEqual(once);
  });

  it('round-trips through ExcelJS: an updated and an added note are read back', async () => {
    const zip = await excelJsBook();
    const out = patchNotes({
      comments: await zip.file('xl/comments1.xml')!.async('string'),
      vml: await zip.file('xl/drawings/vmlDrawing1.vml')!.async('string'),
      edits: [note(1, 1, '更新'), note(4, 3, '実績 77.4 / 目安 79.6 = 97.2%')],
      idmapBlock: 2,
      author: 'Shinchoku',
    });
    wellFormed(out.comments!);
    zip.file('xl/comments1.xml', out.comments!);
    zip.file('xl/drawings/vmlDrawing1.vml', out.vml!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.generateAsync({ type: 'nodebuffer' })) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('進捗')!;
    expect(ws.getCell('B2').note).toBe('更新');
    expect(ws.getCell('D5').note).toBe('実績 77.4 / 目安 79.6 = 97.2%');
    expect(ws.getCell('D5').value).toBe(97.2);
  });
});

describe('patchNotes: parts from other producers', () => {
  const comments = (list: string, p = ''): string =>
    `${DECL}<${p}comments xmlns${p ? `:${p.slice(0, -1)}` : ''}="${MAIN}">` +
    `<${p}authors><${p}author>Excel</${p}author></${p}authors><${p}commentList>${list}</${p}commentList></${p}comments>`;
  const c = (ref: string): string => `<comment ref="${ref}" authorId="0"><text><t>${ref}</t></text></comment>`;

  it('inserts new notes in row-major order without re-sorting existing ones', () => {
    const xml = comments(c('A1') + c('C3') + c('B10') + c('A2'));
    const out = patch({ comments: xml, edits: [note(19, 0, 'A20'), note(1, 1, 'B2'), note(4, 0, 'A5')] });
    expect([...readNotes(out.comments!).keys()]).toEqual(['A1', 'B2', 'C3', 'A5', 'B10', 'A2', 'A20']);
  });

  it('uses the root prefix for inserted elements and keeps everything else', () => {
    const xml = comments('<x:comment ref="a1" authorId="0"><x:text><x:t>old</x:t></x:text></x:comment>', 'x:');
    const out = patch({ comments: xml, edits: [note(0, 0, 'new'), note(2, 2, 'C3')] });
    expect(out.comments).toBe(
      xml
        .replace('<x:t>old</x:t>', '<x:r><x:t xml:space="preserve">new</x:t></x:r>')
        .replace('</x:authors>', '<x:author>Shinchoku</x:author></x:authors>')
        .replace('</x:commentList>', `${added('C3', 1, 'C3', 'x:')}</x:commentList>`),
    );
  });

  it('tolerates CRLF, XML comments, single quotes, rich text and an extLst', () => {
    const rich =
      "<comment ref='B2' authorId='0' shapeId='0' xr:uid='{0A}'><text><r><rPr><b/><sz val='9'/></rPr><t>作成者:</t>" +
      '</r>' +
      '<r><rPr><sz val="9"/></rPr><t xml:space="preserve">\r\n目安</t></r></text></comment>';
    const xml =
      `${DECL}<comments xmlns="${MAIN}" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">\r\n` +
      '<authors>\r\n<author>A &amp; B</author>\r\n</authors>\r\n<!-- <comment ref="C3"> -->\r\n' +
      `<commentList>\r\n${rich}\r\n` +
      '</commentList>\r\n<extLst><ext uri="{x}"/></extLst>\r\n</comments>';
    const out = patch({ comments: xml, edits: [note(2, 2, 'C3'), note(0, 0, 'A1')], author: 'A & B' });
    expect(out.comments).toBe(
      xml.replace(`\r\n${rich}\r\n`, `\r\n${added('A1', 0, 'A1')}${rich}\r\n${added('C3', 0, 'C3')}`),
    );
    expect(readNotes(xml)).toEqual(new Map([['B2', '作成者:\n目安']]));
  });

  it('leaves a note whose text is already the one asked for untouched (rich formatting kept)', () => {
    const xml = comments('<comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>太字</t></r></text></comment>');
    expect(patch({ comments: xml, edits: [note(1, 1, '太字')] }).comments).toBe(xml);
  });

  it('escapes markup, keeps line breaks, replaces characters XML cannot hold', () => {
    const text = 'a < b && c > d\n"q" \'s\'\r\nx\u0001y\uD800z\tend';
    const out = patch({ edits: [note(0, 0, text)] });
    expect(out.comments).toContain(
      '<t xml:space="preserve">a &lt; b &amp;&amp; c &gt; d\n"q" \'s\'&#13;\nx\uFFFDy\uFFFDz\tend</t>',
    );
    expect(readNotes(out.comments!).get('A1')).toBe('a < b && c > d\n"q" \'s\'\r\nx\uFFFDy\uFFFDz\tend');
  });
});

describe('patchNotes: VML shapes', () => {
  const checkbox =
    '<v:shape id="_x0000_s2050" type="#_x0000_t201" style="position:absolute;z-index:7" o:spid="_x0000_s2050">' +
    '<v:textbox><div><font face="Tahoma">Check<br>box</font></div></v:textbox>' +
    '<x:ClientData ObjectType="Checkbox"><x:Anchor>1, 0, 1, 0, 2, 0, 2, 0</x:Anchor>' +
    '<x:Row>4</x:Row><x:Column>3</x:Column></x:ClientData></v:shape>';
  const layout = '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="2"/></o:shapelayout>';
  const controls = `${VML_ROOT}\r\n${layout}\r\n<!-- <v:shape id="_x0000_s9999"> -->${checkbox}\r\n</xml>`;

  it('never touches other shapes; a part with a form control is kept without notes', () => {
    const added = patch({ vml: controls, edits: [note(4, 3, 'same cell as the checkbox')] });
    const vml = added.vml!;
    expect(vml).toContain(checkbox);
    expect(vml.indexOf('_x0000_t202"')).toBeLessThan(vml.indexOf(checkbox)); // shapetype before the first shape
    expect(vml).toContain('<v:shape id="_x0000_s2051"');
    expect(vml).toContain('z-index:8;');
    expect(noteCells(vml)).toEqual(['4,3', '4,3']);
    const removed = patch({ ...added, edits: [note(4, 3, null)] });
    expect(removed.comments).toBeNull();
    expect(removed.vml).toContain(checkbox);
    expect(removed.vml).not.toContain('ObjectType="Note"');
  });

  it('adds a missing note shape for an existing comment, and drops a stale shape of a removed note', () => {
    const xml =
      `${DECL}<comments xmlns="${MAIN}"><authors><author>a</author></authors><commentList>` +
      '<comment ref="B2" authorId="0"><text><t>x</t></text></comment></commentList></comments>';
    const stale = patch({ vml: controls, edits: [note(2, 2, 'stale')] }).vml!;
    const out = patch({ comments: xml, vml: stale, edits: [note(1, 1, 'x'), note(2, 2, null)] });
    expect(out.comments).toBe(xml);
    expect(noteCells(stale)).toEqual(['4,3', '2,2']);
    expect(noteCells(out.vml!)).toEqual(['4,3', '1,1']);
    expect(out.vml).toContain('<v:shape id="_x0000_s2052"'); // ids never reused
  });

  it('reads idmap blocks', () => {
    expect(idmapBlocks('<xml><o:idmap v:ext="edit" data="1, 3"/></xml>')).toEqual([1, 3]);
    expect(idmapBlocks("<xml><o:idmap data='7'/></xml>")).toEqual([7]);
    expect(idmapBlocks('<xml><!-- <o:idmap data="4"/> --></xml>')).toEqual([]);
  });
});

describe('readNotes', () => {
  it('joins runs and leaves out phonetic guides, keyed by upper-case ref', () => {
    const xml =
      `<comments xmlns="${MAIN}"><authors/><commentList><comment ref="c3" authorId="0"><text><r><t>目安</t></r>` +
      '<rPh sb="0" eb="2"><t>メヤス</t></rPh><phoneticPr fontId="1"/><r><t><![CDATA[<値>]]></t></r><r><t/></r>' +
      '</text></comment>' +
      '<comment ref="D4" authorId="0"><text/></comment></commentList></comments>';
    expect(readNotes(xml)).toEqual(new Map([['C3', '目安<値>'], ['D4', '']]));
  });
});

describe('patchNotes: performance', () => {
  it('handles 20,000 edits on one sheet in well under a second, building new parts or patching 20,000 notes', () => {
    const timed = <T>(run: () => T): [T, number] => {
      const start = performance.now();
      return [run(), performance.now() - start];
    };
    const first = Array.from({ length: 20000 }, (_, i) => note(i % 2000, Math.floor(i / 2000) * 2, `n${i}`));
    const options = { idmapBlock: 1, author: 'S' };
    const [built, buildMs] = timed(() => patchNotes({ comments: null, vml: null, edits: first, ...options }));
    // a third removed, a third rewritten, a third added next to an existing note
    const second = first.map((e, i) => ({ ...e, col: e.col + (i % 3 === 2 ? 1 : 0), text: i % 3 ? 'changed' : null }));
    const [patched, patchMs] = timed(() => patchNotes({ ...built, edits: second, ...options }));
    const notes = readNotes(patched.comments!);
    expect(notes.size).toBe(20000 - 6667 + 6666);
    expect(notes.get('A2')).toBe('changed');
    expect(noteCells(patched.vml!)).toHaveLength(notes.size);
    expect(buildMs).toBeLessThan(1000);
    expect(patchMs).toBeLessThan(1000);
  });
});
