import type { BackupRow } from '../../../domain/plan/backup';
import { StylesPart } from './stylesPart';
import { WorkbookParts } from './workbookPart';
import { WorksheetPart } from './worksheetPart';
import type { PackageCodec } from './xlsxPackage';
import { PackageError, XlsxPackage } from './xlsxPackage';

/** What writing a plan and restoring share: opening and closing the package, a sheet's part, this tool's rules. */

/** A package opened for changes: its parts, the workbook part and the styles part, read once. */
export interface Opened {
  pkg: XlsxPackage;
  wb: WorkbookParts;
  styles: StylesPart;
  stylesName: string | null;
}

export async function openPackage(bytes: Uint8Array, codec: PackageCodec): Promise<Opened> {
  const pkg = XlsxPackage.open(bytes, codec);
  const wb = await WorkbookParts.open(pkg);
  const stylesName = wb.stylesPart();
  return { pkg, wb, stylesName, styles: new StylesPart(stylesName ? await pkg.text(stylesName) : null) };
}

/** The changed package as bytes: styles written if looks were added, the calculation chain dropped. */
export async function closePackage({ pkg, wb, styles, stylesName }: Opened): Promise<Uint8Array> {
  if (styles.changed) {
    const name = stylesName ?? 'xl/styles.xml';
    if (!stylesName) wb.addStylesPart(name);
    pkg.setText(name, styles.toXml());
  }
  wb.dropCalcChain();
  wb.flush();
  return pkg.toBytes();
}

/** Colour-rule ranges this tool recorded in its backup, per sheet. */
export function ownRuleRanges(rows: readonly BackupRow[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.kind !== 'cf') continue;
    const set = out.get(r.sheet) ?? new Set<string>();
    set.add(r.ref);
    out.set(r.sheet, set);
  }
  return out;
}

/** `sqref` (`D6:L6 D9:L9`) is this tool's own rule: every range of it is one the backup records. */
export const everyRangeIn = (refs: ReadonlySet<string>) => (sqref: string) => {
  const ranges = sqref.trim().split(/\s+/);
  return ranges.length > 0 && ranges.every((r) => refs.has(r));
};

/** The part of a sheet the plan writes into, as a worksheet. */
export async function worksheetOf(wb: WorkbookParts, pkg: XlsxPackage, sheet: string): Promise<{ part: string; ws: WorksheetPart }> {
  const entry = wb.find(sheet);
  if (!entry || !entry.part || !entry.worksheet) throw new PackageError(`sheet "${sheet}" from the plan is not a worksheet of the file`);
  const xml = await pkg.text(entry.part);
  if (xml === null) throw new PackageError(`the part of sheet "${sheet}" is missing`);
  return { part: entry.part, ws: new WorksheetPart(xml, sheet) };
}

