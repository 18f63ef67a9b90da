import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { contentTypes, relsPartOf, relTargets } from '../../src/workbook/xlsx/opcPackage';
import { WORKSHEET_ORDER } from '../../src/workbook/xlsx/package/worksheetPart';
import { attr, childrenOf, rootElement } from '../../src/workbook/xlsx/package/xml';

function wellFormed(xml: string): string | null {
  try {
    execFileSync('/usr/bin/xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'ignore', 'pipe'] });
    return null;
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e).split('\n')[0];
  }
}

/**
 * What Excel checks when it opens a package, as far as it can be checked here without Excel: every part is
 * well-formed XML (xmllint), has a content type, and every internal relationship points at a part that exists;
 * a worksheet's elements come in the schema's order (CT_Worksheet: the usual cause of Excel's "repair" dialog);
 * sheet names and ids are unique, as are table ids and names; the workbook has a visible sheet. Returns the
 * problems found, each naming its part ([] = consistent).
 */
export async function packageProblems(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const text = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const problems: string[] = [];
  const types = contentTypes(await text('[Content_Types].xml'), names);
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (const name of names) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const bad = wellFormed(await text(name));
    if (bad) problems.push(`${name}: not well-formed (${bad})`);
  }
  for (const name of names) {
    if (name === '[Content_Types].xml' || /\.rels$/i.test(name)) continue;
    if (!types.has(name)) problems.push(`${name}: no content type`);
  }
  for (const name of names) {
    if (!/(^|\/)_rels\/[^/]*\.rels$/.test(name)) continue;
    const owner = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
    if (owner !== '' && !lower.has(owner.toLowerCase())) problems.push(`${name}: relationships of a missing part`);
    for (const target of relTargets(await text(name), owner)) {
      if (!lower.has(target.toLowerCase())) problems.push(`${name}: points at missing ${target}`);
    }
  }
  const tableIds = new Set<string>();
  const tableNames = new Set<string>();
  for (const name of names) {
    const type = types.get(name) ?? '';
    const xml = /\+xml$/.test(type) ? await text(name) : '';
    if (/spreadsheetml\.worksheet\+xml$/.test(type)) {
      let last = -1;
      for (const child of childrenOf(xml, rootElement(xml), new Set(['sheetData']))) {
        const rank = WORKSHEET_ORDER.indexOf(child.local);
        if (rank < 0) continue; // mc:AlternateContent and the like
        if (rank < last) problems.push(`${name}: <${child.local}> out of schema order`);
        last = Math.max(last, rank);
      }
      const rels = relsPartOf(name);
      for (const m of xml.matchAll(/\br:id="([^"]*)"/g)) {
        if (!(await text(rels)).includes(`Id="${m[1]}"`)) problems.push(`${name}: r:id ${m[1]} has no relationship`);
      }
    }
    if (/spreadsheetml\.table\+xml$/.test(type)) {
      const tag = xml.slice(0, rootElement(xml).openEnd);
      const id = attr(tag, 'id') ?? '';
      const displayName = (attr(tag, 'displayName') ?? '').toLowerCase();
      if (tableIds.has(id)) problems.push(`${name}: table id ${id} used twice`);
      if (tableNames.has(displayName)) problems.push(`${name}: table name ${displayName} used twice`);
      tableIds.add(id);
      tableNames.add(displayName);
    }
  }
  const workbook = await text('xl/workbook.xml');
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]);
  const sheetNames = sheets.map((t) => (attr(t, 'name') ?? '').toLowerCase());
  const sheetIds = sheets.map((t) => attr(t, 'sheetId'));
  if (new Set(sheetNames).size !== sheetNames.length) problems.push('xl/workbook.xml: a sheet name used twice');
  if (new Set(sheetIds).size !== sheetIds.length) problems.push('xl/workbook.xml: a sheetId used twice');
  if (!sheets.some((t) => attr(t, 'state') === null || attr(t, 'state') === 'visible')) problems.push('xl/workbook.xml: no visible sheet');
  return problems;
}

/** Every part as bytes (folders left out). */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) out.set(name, Buffer.from(await zip.files[name].async('uint8array')));
  }
  return out;
}
