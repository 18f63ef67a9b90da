import { CONTENT_TYPE, ContentTypes, NS, REL, Relationships, relativeTarget } from '../../../../src/workbook/xlsx/package/parts';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const IMAGE = `${NS.rel}/image`;
const HYPERLINK = `${NS.rel}/hyperlink`;

describe('relativeTarget', () => {
  it('goes up from the owner folder to a sibling folder', () => {
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/tables/table1.xml')).toBe('../tables/table1.xml');
    expect(relativeTarget('xl/drawings/drawing1.xml', 'xl/media/image1.png')).toBe('../media/image1.png');
  });

  it('goes down from the owner folder, or stays in it', () => {
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet2.xml')).toBe('worksheets/sheet2.xml');
    expect(relativeTarget('xl/workbook.xml', 'xl/styles.xml')).toBe('styles.xml');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml')).toBe('sheet2.xml');
  });

  it('starts at the package root for the package relationships', () => {
    expect(relativeTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(relativeTarget('', 'docProps/core.xml')).toBe('docProps/core.xml');
  });

  it('does not take a file named like a folder for that folder', () => {
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/worksheets')).toBe('../worksheets');
  });
});

describe('Relationships', () => {
  const sheetRels =
    DECL +
    `<Relationships xmlns="${NS.packageRel}">` +
    `<Relationship Id="rId1" Type="${REL.table}" Target="../tables/table1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL.drawing}" Target="/xl/drawings/drawing1.xml"/>` +
    `<Relationship Id="rId3" Type="${HYPERLINK}" Target="https://example.jp/?a=1&amp;b=2" TargetMode="External"/>` +
    `<!-- <Relationship Id="rId9" Type="x" Target="y"/> -->` +
    `<Relationship Id='rId5' Type='${REL.comments}' Target='../comments1.xml'/>` +
    `</Relationships>`;

  it('reads each relationship and resolves its target against the owner folder', () => {
    const rels = new Relationships(sheetRels, 'xl/worksheets/sheet1.xml');
    expect(rels.list()).toEqual([
      { id: 'rId1', type: REL.table, part: 'xl/tables/table1.xml' },
      { id: 'rId2', type: REL.drawing, part: 'xl/drawings/drawing1.xml' },
      { id: 'rId3', type: HYPERLINK, part: null },
      { id: 'rId5', type: REL.comments, part: 'xl/comments1.xml' },
    ]);
    expect(rels.byId('rId2')?.part).toBe('xl/drawings/drawing1.xml');
    expect(rels.byId('rId9')).toBeUndefined();
    expect(rels.ofType(REL.table).map((r) => r.id)).toEqual(['rId1']);
    expect(rels.changed).toBe(false);
    expect(rels.empty).toBe(false);
  });

  it('names the .rels part of an owner', () => {
    expect(Relationships.partFor('')).toBe('_rels/.rels');
    expect(Relationships.partFor('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(Relationships.partFor('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
  });

  it('adds a relationship under an id no other one uses, with a target relative to the owner', () => {
    const rels = new Relationships(sheetRels, 'xl/worksheets/sheet1.xml');
    const id = rels.add(REL.vmlDrawing, 'xl/drawings/vmlDrawing1.vml');
    expect(['rId1', 'rId2', 'rId3', 'rId5']).not.toContain(id);
    expect(id).toMatch(/^rId\d+$/);
    expect(rels.byId(id)).toEqual({ id, type: REL.vmlDrawing, part: 'xl/drawings/vmlDrawing1.vml' });
    const second = rels.add(REL.table, 'xl/tables/table2.xml');
    expect(second).not.toBe(id);
    expect(rels.changed).toBe(true);
  });

  it('does not give a removed relationship\'s id to a new one', () => {
    const rels = new Relationships(sheetRels, 'xl/worksheets/sheet1.xml');
    rels.remove('rId5');
    rels.remove('rId1');
    const id = rels.add(REL.comments, 'xl/comments2.xml');
    expect(['rId1', 'rId2', 'rId3', 'rId5']).not.toContain(id);
  });

  it('keeps every untouched relationship byte for byte and appends new ones before the closing tag', () => {
    const rels = new Relationships(sheetRels, 'xl/worksheets/sheet1.xml');
    const id = rels.add(REL.comments, 'xl/comments2.xml');
    rels.remove('rId2');
    const removed = `<Relationship Id="rId2" Type="${REL.drawing}" Target="/xl/drawings/drawing1.xml"/>`;
    const added = `<Relationship Id="${id}" Type="${REL.comments}" Target="../comments2.xml"/>`;
    expect(rels.toXml()).toBe(sheetRels.replace(removed, '').replace('</Relationships>', `${added}</Relationships>`));
    expect(rels.list().map((r) => r.id)).toEqual(['rId1', 'rId3', 'rId5', id]);
  });

  it('gives back the input exactly when nothing was done, or when a relationship was added and removed again', () => {
    const rels = new Relationships(sheetRels, 'xl/worksheets/sheet1.xml');
    expect(rels.toXml()).toBe(sheetRels);
    const id = rels.add(IMAGE, 'xl/media/image1.png');
    rels.remove(id);
    // `changed` stays true here (it counts removals, new or not); harmless: the text written is the text read
    expect(rels.toXml()).toBe(sheetRels);
    expect(rels.list().map((r) => r.id)).toEqual(['rId1', 'rId2', 'rId3', 'rId5']);
  });

  it('removes the only relationship in a prefixed part, leaving it empty', () => {
    const xml = `<pr:Relationships xmlns:pr="${NS.packageRel}"><pr:Relationship Id="rId1" Type="${REL.table}" Target="../tables/table1.xml"/></pr:Relationships>`;
    const rels = new Relationships(xml, 'xl/worksheets/sheet1.xml');
    expect(rels.list()).toEqual([{ id: 'rId1', type: REL.table, part: 'xl/tables/table1.xml' }]);
    rels.remove('rId1');
    expect(rels.changed).toBe(true);
    expect(rels.empty).toBe(true);
    expect(rels.toXml()).toBe(`<pr:Relationships xmlns:pr="${NS.packageRel}"></pr:Relationships>`);
  });

  it('writes new relationships with the prefix the part uses', () => {
    const xml = `<pr:Relationships xmlns:pr="${NS.packageRel}"><pr:Relationship Id="rId1" Type="${REL.table}" Target="../tables/table1.xml"/></pr:Relationships>`;
    const rels = new Relationships(xml, 'xl/worksheets/sheet1.xml');
    const id = rels.add(REL.comments, 'xl/comments1.xml');
    expect(rels.toXml()).toBe(xml.replace('</pr:Relationships>', `<pr:Relationship Id="${id}" Type="${REL.comments}" Target="../comments1.xml"/></pr:Relationships>`));
  });

  it('builds a new part when the owner had none', () => {
    const rels = new Relationships(null, 'xl/worksheets/sheet3.xml');
    expect(rels.list()).toEqual([]);
    expect(rels.empty).toBe(true);
    expect(rels.changed).toBe(false);
    const id = rels.add(REL.comments, 'xl/comments3.xml');
    expect(rels.changed).toBe(true);
    expect(rels.empty).toBe(false);
    const xml = rels.toXml();
    expect(xml).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRel}">` +
        `<Relationship Id="${id}" Type="${REL.comments}" Target="../comments3.xml"/></Relationships>`,
    );
    // what it wrote reads back the same
    expect(new Relationships(xml, 'xl/worksheets/sheet3.xml').list()).toEqual(rels.list());
  });

  it('expands a self-closing part to hold a new relationship', () => {
    const xml = `${DECL}<Relationships xmlns="${NS.packageRel}" />`;
    const rels = new Relationships(xml, 'xl/workbook.xml');
    const id = rels.add(REL.worksheet, 'xl/worksheets/sheet1.xml');
    expect(rels.toXml()).toBe(`${DECL}<Relationships xmlns="${NS.packageRel}"><Relationship Id="${id}" Type="${REL.worksheet}" Target="worksheets/sheet1.xml"/></Relationships>`);
  });

  it('resolves package relationships from the root', () => {
    const xml = `<Relationships xmlns="${NS.packageRel}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`;
    expect(new Relationships(xml, '').list()).toEqual([{ id: 'rId1', type: REL.officeDocument, part: 'xl/workbook.xml' }]);
  });
});

describe('ContentTypes', () => {
  const types =
    DECL +
    `<Types xmlns="${NS.contentTypes}">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="XML" ContentType="application/xml"/>` +
    `<!-- <Override PartName="/xl/fake.xml" ContentType="x"/> -->` +
    `<Override PartName="/xl/workbook.xml" ContentType="${'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'}"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT_TYPE.worksheet}"/>` +
    `<Override PartName="/xl/worksheets/%E8%A8%88%E7%94%BB.xml" ContentType="${CONTENT_TYPE.worksheet}"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/>` +
    `</Types>`;

  it('gives the type of a part by its Override: any case, with or without a leading slash, %-escaped names', () => {
    const ct = new ContentTypes(types);
    expect(ct.typeOf('xl/worksheets/sheet1.xml')).toBe(CONTENT_TYPE.worksheet);
    expect(ct.typeOf('/XL/Worksheets/Sheet1.XML')).toBe(CONTENT_TYPE.worksheet);
    expect(ct.typeOf('xl/worksheets/計画.xml')).toBe(CONTENT_TYPE.worksheet);
    expect(ct.typeOf('/xl/worksheets/%e8%a8%88%e7%94%bb.xml')).toBe(CONTENT_TYPE.worksheet);
  });

  it('falls back to the Default of the extension, in any case, and gives null for neither', () => {
    const ct = new ContentTypes(types);
    expect(ct.typeOf('xl/sharedStrings.xml')).toBe('application/xml');
    expect(ct.typeOf('_rels/.rels')).toBe('application/vnd.openxmlformats-package.relationships+xml');
    expect(ct.typeOf('xl/_rels/workbook.xml.RELS')).toBe('application/vnd.openxmlformats-package.relationships+xml');
    expect(ct.typeOf('xl/fake.bin')).toBeNull();
    expect(ct.typeOf('xl/media/image1.png')).toBeNull();
    expect(ct.typeOf('noextension')).toBeNull();
  });

  it('gives back the input exactly while nothing changed', () => {
    const ct = new ContentTypes(types);
    expect(ct.changed).toBe(false);
    expect(ct.toXml()).toBe(types);
  });

  it('sees declaring an existing part with the type it has as no change', () => {
    const ct = new ContentTypes(types);
    ct.override('xl/worksheets/sheet1.xml', CONTENT_TYPE.worksheet);
    ct.override('/XL/STYLES.XML', CONTENT_TYPE.styles);
    expect(ct.changed).toBe(false);
    expect(ct.toXml()).toBe(types);
  });

  it('replaces the Override of a part given another type: one Override in the output, not two', () => {
    const ct = new ContentTypes(types);
    ct.override('xl/worksheets/sheet1.xml', 'application/x-other');
    expect(ct.changed).toBe(true);
    expect(ct.typeOf('xl/worksheets/sheet1.xml')).toBe('application/x-other');
    const xml = ct.toXml();
    expect(xml.match(/sheet1\.xml/g)).toHaveLength(1);
    expect(xml).toBe(
      types
        .replace(`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT_TYPE.worksheet}"/>`, '')
        .replace('</Types>', '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/x-other"/></Types>'),
    );
    expect(new ContentTypes(xml).typeOf('xl/worksheets/sheet1.xml')).toBe('application/x-other');
  });

  it('adds Overrides for new parts, keeping everything else byte for byte', () => {
    const ct = new ContentTypes(types);
    ct.override('xl/tables/table1.xml', CONTENT_TYPE.table);
    ct.override('/xl/comments1.xml', CONTENT_TYPE.comments);
    expect(ct.typeOf('xl/tables/table1.xml')).toBe(CONTENT_TYPE.table);
    expect(ct.toXml()).toBe(
      types.replace(
        '</Types>',
        `<Override PartName="/xl/tables/table1.xml" ContentType="${CONTENT_TYPE.table}"/><Override PartName="/xl/comments1.xml" ContentType="${CONTENT_TYPE.comments}"/></Types>`,
      ),
    );
  });

  it('removes an Override; the part then has its Default type', () => {
    const ct = new ContentTypes(types);
    ct.removeOverride('/xl/styles.xml');
    expect(ct.changed).toBe(true);
    expect(ct.typeOf('xl/styles.xml')).toBe('application/xml');
    expect(ct.toXml()).toBe(types.replace(`<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/>`, ''));
  });

  it('forgets a new Override that is removed again, and restores one removed and declared again', () => {
    const ct = new ContentTypes(types);
    ct.override('xl/tables/table1.xml', CONTENT_TYPE.table);
    ct.removeOverride('xl/tables/table1.xml');
    ct.removeOverride('xl/styles.xml');
    ct.override('xl/styles.xml', CONTENT_TYPE.styles);
    ct.removeOverride('xl/never-declared.xml');
    expect(ct.changed).toBe(false);
    expect(ct.toXml()).toBe(types);
  });

  it('adds a Default once, and not for an extension already declared in another case', () => {
    const ct = new ContentTypes(types);
    ct.ensureDefault('xml', 'application/other');
    expect(ct.changed).toBe(false);
    ct.ensureDefault('vml', CONTENT_TYPE.vml);
    ct.ensureDefault('VML', CONTENT_TYPE.vml);
    ct.ensureDefault('vml', CONTENT_TYPE.vml);
    expect(ct.typeOf('xl/drawings/vmlDrawing1.vml')).toBe(CONTENT_TYPE.vml);
    expect(ct.toXml()).toBe(types.replace('</Types>', `<Default Extension="vml" ContentType="${CONTENT_TYPE.vml}"/></Types>`));
  });

  it('writes new entries with the prefix the part uses', () => {
    const xml = `<ct:Types xmlns:ct="${NS.contentTypes}"><ct:Default Extension="xml" ContentType="application/xml"/></ct:Types>`;
    const ct = new ContentTypes(xml);
    ct.ensureDefault('vml', CONTENT_TYPE.vml);
    ct.override('xl/tables/table1.xml', CONTENT_TYPE.table);
    expect(ct.toXml()).toBe(
      xml.replace(
        '</ct:Types>',
        `<ct:Default Extension="vml" ContentType="${CONTENT_TYPE.vml}"/><ct:Override PartName="/xl/tables/table1.xml" ContentType="${CONTENT_TYPE.table}"/></ct:Types>`,
      ),
    );
  });
});
