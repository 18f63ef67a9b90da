import fc from 'fast-check';
import type { XmlElement } from '../../../../src/workbook/xlsx/package/xml';
import {
  appendToElement,
  attr,
  childrenOf,
  escapeAttr,
  escapeText,
  namespacePrefix,
  nextElement,
  removeAttr,
  rootElement,
  setAttr,
  splice,
  startTagAt,
  textElement,
  XmlShapeError,
  xmlSafe,
  xmlSafeJson,
} from '../../../../src/workbook/xlsx/package/xml';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

/** The children of the root as `name` or `name/` (self-closing), for reading expectations at a glance. */
function childNames(xml: string, skip?: ReadonlySet<string>): string[] {
  return childrenOf(xml, rootElement(xml), skip).map((c) => c.qname + (c.selfClosing ? '/' : ''));
}

const text = (xml: string, el: XmlElement): string => xml.slice(el.start, el.end);

/** One UTF-16 unit or code point of any kind: lone surrogates, controls, U+FFFE, markup, `$` patterns. */
const anyChar = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('<', '>', '&', '"', "'", '\t', '\n', '\r', '$&', '$1', "$'", '$`', '$$', '&amp;', '&#13;', ' s="1"', '\ud842', '\udfb7'),
);
const anyText = fc.string({ unit: anyChar, maxLength: 30 });

describe('escaping', () => {
  it('escapes markup characters in element text and keeps a CR as a reference', () => {
    expect(escapeText('a<b&c>d')).toBe('a&lt;b&amp;c&gt;d');
    expect(escapeText('行1\r\n行2')).toBe('行1&#13;\n行2');
    expect(escapeText('"quoted" and \'single\'')).toBe('"quoted" and \'single\'');
  });

  it('escapes quotes, tab and LF in attribute values so that a reader gets them back unchanged', () => {
    expect(escapeAttr('say "hi"')).toBe('say &quot;hi&quot;');
    expect(escapeAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escapeAttr('<&>')).toBe('&lt;&amp;&gt;');
    expect(escapeAttr("it's")).toBe("it's");
  });

  it('turns characters XML cannot hold into U+FFFD, keeping surrogate pairs, tab, LF and CR', () => {
    expect(xmlSafe('a\u0001b')).toBe('a\ufffdb');
    expect(xmlSafe('\ufffe\uffff')).toBe('\ufffd\ufffd');
    expect(xmlSafe('x\ud842y')).toBe('x\ufffdy'); // lone high surrogate
    expect(xmlSafe('x\udfb7y')).toBe('x\ufffdy'); // lone low surrogate
    expect(xmlSafe('\udfb7\ud842')).toBe('\ufffd\ufffd'); // the halves in the wrong order
    expect(xmlSafe('𠮷野家')).toBe('𠮷野家');
    expect(xmlSafe('\t\n\r')).toBe('\t\n\r');
    expect(xmlSafe('普通の文字列')).toBe('普通の文字列');
  });

  it('escapes bad characters in JSON as \\u references, so the JSON means the same and XML can hold it', () => {
    const settings = { label: 'a\u0001b\ufffe\uffff', lone: 'x\ud842y\udfb7', pair: '𠮷', ws: '\t\n\r', quote: '"\\' };
    const json = JSON.stringify(settings);
    const safe = xmlSafeJson(json);
    expect(xmlSafe(safe)).toBe(safe);
    expect(JSON.parse(safe)).toEqual(settings);
  });

  it('keeps the meaning of any JSON string while leaving nothing XML cannot hold', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 4 }), (strings) => {
        const safe = xmlSafeJson(JSON.stringify(strings));
        return xmlSafe(safe) === safe && JSON.stringify(JSON.parse(safe)) === JSON.stringify(strings);
      }),
      { numRuns: RUNS },
    );
  });

  it('marks text to keep its white space exactly when it starts or ends with a space or holds a line break', () => {
    expect(textElement('t', '目標値')).toBe('<t>目標値</t>');
    expect(textElement('t', 'a b')).toBe('<t>a b</t>');
    expect(textElement('t', ' 先頭')).toBe('<t xml:space="preserve"> 先頭</t>');
    expect(textElement('t', '末尾\t')).toBe('<t xml:space="preserve">末尾\t</t>');
    expect(textElement('t', '1行目\n2行目')).toBe('<t xml:space="preserve">1行目\n2行目</t>');
    expect(textElement('x:t', 'a&b')).toBe('<x:t>a&amp;b</x:t>');
    expect(textElement('t', '')).toBe('<t></t>');
  });

  it('leaves no raw < and no & that does not start an entity in escaped text', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const out = escapeText(t);
        return !out.includes('<') && !/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(out);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('attributes of a start tag', () => {
  it('reads double- and single-quoted values, unescaped', () => {
    expect(attr('<c r="A1" s=\'3\' t="s">', 'r')).toBe('A1');
    expect(attr('<c r="A1" s=\'3\' t="s">', 's')).toBe('3');
    expect(attr('<sheet name="R&amp;D &quot;計画&quot; &#x41;&#66;"/>', 'name')).toBe('R&D "計画" AB');
    expect(attr('<c r = "B2" />', 'r')).toBe('B2');
    expect(attr('<c\r\n  r="C3"\r\n/>', 'r')).toBe('C3');
  });

  it('reads prefixed names and gives null for an absent attribute', () => {
    const sheet = '<sheet name="基本目標1" sheetId="1" r:id="rId3"/>';
    expect(attr(sheet, 'r:id')).toBe('rId3');
    expect(attr(sheet, 'state')).toBeNull();
    expect(attr('<c/>', 'r')).toBeNull();
  });

  it('does not confuse an attribute with one whose name ends the same', () => {
    const sheet = '<sheet r:id="rId3" name="x"/>';
    expect(attr(sheet, 'id')).toBeNull();
    expect(attr('<row r="1" spans="1:5">', 's')).toBeNull();
    expect(attr('<row r="1" spans="1:5" s="2">', 's')).toBe('2');
    expect(attr('<rel Id="rId1" xId="9">', 'Id')).toBe('rId1');
    expect(attr('<x:c x:r="A1" r="B2">', 'r')).toBe('B2');
  });

  it('does not take text inside another attribute\'s value for an attribute', () => {
    // a sheet may be named like this: the name is not the state
    const sheet = `<sheet name="a state='hidden' b" sheetId="1" r:id="rId1"/>`;
    expect(attr(sheet, 'state')).toBeNull();
    expect(attr(sheet, 'name')).toBe("a state='hidden' b");
    expect(setAttr(sheet, 'state', 'veryHidden')).toBe(`<sheet name="a state='hidden' b" sheetId="1" r:id="rId1" state="veryHidden"/>`);
    expect(removeAttr(sheet, 'state')).toBe(sheet);
    expect(attr(`<a t=' s="9"' s="1">`, 's')).toBe('1');
  });

  it('replaces an attribute in place, keeping the rest of the tag as written', () => {
    expect(setAttr('<c r="A1" s="3" t="s">', 's', '7')).toBe('<c r="A1" s="7" t="s">');
    expect(setAttr("<c r='A1' s='3'/>", 's', '7')).toBe('<c r=\'A1\' s="7"/>');
    expect(setAttr('<c\r\n  r="A1"\r\n  s="3"/>', 's', '7')).toBe('<c\r\n  r="A1"\r\n  s="7"/>');
  });

  it('adds a missing attribute at the end of the tag, before > or />', () => {
    expect(setAttr('<row r="1">', 'spans', '1:5')).toBe('<row r="1" spans="1:5">');
    expect(setAttr('<c r="A1"/>', 's', '2')).toBe('<c r="A1" s="2"/>');
    expect(setAttr('<c r="A1" />', 's', '2')).toBe('<c r="A1" s="2"/>');
    expect(setAttr('<c/>', 'r', 'A1')).toBe('<c r="A1"/>');
  });

  it('writes the value escaped, even when it looks like a replacement pattern', () => {
    expect(setAttr('<sheet sheetId="1"/>', 'name', 'R&D "計画"\t')).toBe('<sheet sheetId="1" name="R&amp;D &quot;計画&quot;&#9;"/>');
    expect(setAttr('<c r="A1"/>', 'v', '$1')).toBe('<c r="A1" v="$1"/>');
    expect(setAttr('<c r="A1" v="x"/>', 'v', 'a$&b')).toBe('<c r="A1" v="a$&amp;b"/>');
  });

  it('removes an attribute and only that one', () => {
    expect(removeAttr('<sheet name="x" state="hidden" r:id="rId1"/>', 'state')).toBe('<sheet name="x" r:id="rId1"/>');
    expect(removeAttr('<sheet name="x" r:id="rId1"/>', 'id')).toBe('<sheet name="x" r:id="rId1"/>');
    expect(removeAttr('<row r="1" spans="1:5">', 's')).toBe('<row r="1" spans="1:5">');
    expect(removeAttr('<c r="A1"/>', 'absent')).toBe('<c r="A1"/>');
  });

  it('reads back any text it wrote, as XML can hold it', () => {
    fc.assert(
      fc.property(anyText, (t) => attr(setAttr('<c r="A1"/>', 'v', t), 'v') === xmlSafe(t)),
      { numRuns: RUNS },
    );
  });

  it('keeps the other attributes when one is set to any text', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const tag = setAttr(setAttr('<c r="A1" s="3"/>', 'v', a), 'w', b);
        return attr(tag, 'r') === 'A1' && attr(tag, 's') === '3' && attr(tag, 'v') === xmlSafe(a) && attr(tag, 'w') === xmlSafe(b);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the tag scanner', () => {
  it('finds the root element after the XML declaration and comments', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- <fake/> -->\n<worksheet xmlns="m"><sheetData/></worksheet>\n';
    const root = rootElement(xml);
    expect(root.qname).toBe('worksheet');
    expect(xml.slice(root.start, root.openEnd)).toBe('<worksheet xmlns="m">');
    expect(xml.slice(root.closeStart, root.end)).toBe('</worksheet>');
    expect(rootElement('<Types xmlns="t"/>')).toMatchObject({ qname: 'Types', selfClosing: true });
  });

  it('lists direct children only, not grandchildren', () => {
    const xml = '<worksheet><dimension ref="A1"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageMargins/></worksheet>';
    expect(childNames(xml)).toEqual(['dimension/', 'sheetData', 'pageMargins/']);
    const sheetData = childrenOf(xml, rootElement(xml))[1];
    expect(childrenOf(xml, sheetData).map((c) => text(xml, c))).toEqual(['<row r="1"><c r="A1"><v>1</v></c></row>']);
  });

  it('skips comments, processing instructions and CDATA holding things that look like tags', () => {
    const xml =
      '<x:worksheet xmlns:x="m"><!-- <x:row> --><?pi <x:c> ?><x:sheetData><x:row r="1"><x:c><x:is><x:t><![CDATA[<c></x:c>]]></x:t></x:is></x:c></x:row></x:sheetData><!-- </x:worksheet> --><x:cols/></x:worksheet>';
    expect(childNames(xml)).toEqual(['x:sheetData', 'x:cols/']);
    const [sheetData] = childrenOf(xml, rootElement(xml));
    expect(sheetData.local).toBe('sheetData');
    expect(xml.slice(sheetData.closeStart, sheetData.end)).toBe('</x:sheetData>');
  });

  it('reads attributes that hold > inside quotes, self-closing children and CRLF line ends', () => {
    const xml = '<root>\r\n  <a f="x>y" g=\'>\'/>\r\n  <b\r\n   h="1>0">t</b>\r\n  <c/>\r\n</root>';
    const kids = childrenOf(xml, rootElement(xml));
    expect(kids.map((k) => text(xml, k))).toEqual(['<a f="x>y" g=\'>\'/>', '<b\r\n   h="1>0">t</b>', '<c/>']);
    expect(attr(xml.slice(kids[1].start, kids[1].openEnd), 'h')).toBe('1>0');
  });

  it('jumps over the content of an element named in the skip set', () => {
    // in a skipped element, content the scanner could not read is never read
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" bad attr><v>1</v></c></row></sheetData><mergeCells count="1"/></worksheet>';
    expect(() => childNames(xml)).toThrow(XmlShapeError);
    expect(childNames(xml, new Set(['sheetData']))).toEqual(['sheetData', 'mergeCells/']);
    const prefixed = '<x:worksheet><x:sheetData><x:row/></x:sheetData><x:cols/></x:worksheet>';
    expect(childNames(prefixed, new Set(['sheetData']))).toEqual(['x:sheetData', 'x:cols/']);
  });

  it('refuses an element that is not closed', () => {
    expect(() => childNames('<root><a><b></a></root>')).toThrow(XmlShapeError);
    expect(() => rootElement('<root><a/>')).toThrow(XmlShapeError);
    expect(() => rootElement('no markup')).toThrow(XmlShapeError);
    expect(() => rootElement('<!-- never ends')).toThrow(XmlShapeError);
    expect(() => childNames('<root><a x="1></root>')).toThrow(XmlShapeError);
  });

  it('does not take the end tag of a longer name for the end of an element', () => {
    // <col> opened and not closed: </cols> is not its end tag
    expect(() => childNames('<cols><col min="1"></cols>')).toThrow(XmlShapeError);
    expect(() => childNames('<root><ro></root>')).toThrow(XmlShapeError);
    expect(() => rootElement('<ro><a/></root>')).toThrow(XmlShapeError);
    expect(() => childNames('<w><sheetData><row/></sheetDataX></w>', new Set(['sheetData']))).toThrow(XmlShapeError);
    // an end tag with white space before its > is still the end tag
    expect(childNames('<root><a>1</a ><b/></root >')).toEqual(['a', 'b/']);
  });

  it('gives the next element from an offset, and the start tag at an offset', () => {
    const xml = '<r><!-- c --><a x="1"/><b>t</b></r>';
    expect(nextElement(xml, 3)).toMatchObject({ qname: 'a', selfClosing: true });
    expect(nextElement(xml, xml.indexOf('<b'))).toMatchObject({ qname: 'b', selfClosing: false });
    expect(nextElement('<r/>', 4)).toBeNull();
    expect(startTagAt(xml, xml.indexOf('<a'))).toEqual({ qname: 'a', openEnd: xml.indexOf('<b'), selfClosing: true });
    expect(startTagAt(xml, 1)).toBeNull();
  });

  it('appends inside an element, expanding a self-closing one', () => {
    const xml = '<root><list><i/></list><empty a="1"/><x:e/></root>';
    const [list, empty, prefixed] = childrenOf(xml, rootElement(xml));
    expect(appendToElement(xml, list, '<i n="2"/>')).toBe('<root><list><i/><i n="2"/></list><empty a="1"/><x:e/></root>');
    expect(appendToElement(xml, empty, '<i/>')).toBe('<root><list><i/></list><empty a="1"><i/></empty><x:e/></root>');
    expect(appendToElement(xml, prefixed, '<x:i/>')).toBe('<root><list><i/></list><empty a="1"/><x:e><x:i/></x:e></root>');
    expect(appendToElement('<Types />', rootElement('<Types />'), '<D/>')).toBe('<Types><D/></Types>');
  });

  it('splices several edits given in any order, and refuses overlapping ones', () => {
    const s = '0123456789';
    expect(splice(s, [])).toBe(s);
    expect(
      splice(s, [
        { start: 8, end: 9, insert: 'E' },
        { start: 0, end: 0, insert: '<' },
        { start: 2, end: 5, insert: '' },
        { start: 10, end: 10, insert: '>' },
      ]),
    ).toBe('<01567E9>');
    expect(splice(s, [{ start: 3, end: 3, insert: 'a' }, { start: 3, end: 3, insert: 'b' }])).toBe('012ab3456789');
    expect(() => splice(s, [{ start: 2, end: 6, insert: '' }, { start: 5, end: 7, insert: 'x' }])).toThrow(/overlapping/);
  });

  it('finds the prefix bound to a namespace on the root element', () => {
    const xml = `<x:workbook xmlns:x="http://main" xmlns:rel='http://rels' xmlns="http://default"><x:sheets/></x:workbook>`;
    const root = rootElement(xml);
    expect(namespacePrefix(xml, root, 'http://rels')).toBe('rel');
    expect(namespacePrefix(xml, root, 'http://main')).toBe('x');
    expect(namespacePrefix(xml, root, 'http://default')).toBeNull();
    expect(namespacePrefix(xml, root, 'http://absent')).toBeNull();
  });
});
