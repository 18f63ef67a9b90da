import type ExcelJS from 'exceljs';
import type { BackupRow } from '../../domain/plan/backup';
import type { WritePlan } from '../../domain/plan/types';
import { applyPlanToWorkbook } from './applyPlan';
import { PackageError } from './package/xlsxPackage';
import type { PackageCodec } from './package/xlsxPackage';
import { restorePackage } from './package/restorePackage';
import { writePlanToPackage } from './package/writePlan';
import { XmlShapeError } from './package/xml';
import type { RestoreResult } from './restore';
import { restoreWorkbook } from './restore';
import type { UnkeptItem } from './unkept';
import type { LoadedWorkbook } from './workbookFile';
import { saveXlsx } from './workbookFile';

/**
 * How the CLI and the browser page write a workbook back. First choice: change the .xlsx part by part
 * (`package/writePlan.ts`), which keeps every part it does not write — charts, pivot tables, shapes — byte for
 * byte. Only when that cannot be done (a file whose structure it cannot follow, or a platform without
 * compression streams) is the workbook saved through ExcelJS, and then only if ExcelJS would lose nothing, or
 * the user agreed to lose what it would (`acceptLoss`): nothing is ever dropped silently.
 */

export interface WrittenFile {
  bytes: Uint8Array;
  /** `package`: only the planned parts changed; `exceljs`: rebuilt by ExcelJS (the fallback). */
  mode: 'package' | 'exceljs';
  /** Why the fallback was taken, or null. */
  fallbackReason: string | null;
  /** What the output lacks (ExcelJS fallback with the user's consent); empty otherwise. */
  lost: UnkeptItem[];
}

/** The file could be written only by ExcelJS, which would drop these parts, and the user has not agreed. */
export class UnkeptPartsError extends Error {
  constructor(
    readonly unkept: UnkeptItem[],
    readonly reason: string,
  ) {
    super(`the workbook can only be saved through ExcelJS (${reason}), which would leave out parts of it`);
    this.name = 'UnkeptPartsError';
  }
}

export interface WriteBackOptions {
  acceptLoss: boolean;
  /** Inflate/deflate for the part-by-part writer; null where the platform has none. */
  codec: PackageCodec | null;
}

/** A failure of the part-by-part writer that the ExcelJS save may get around; anything else is passed on. */
function fallbackReason(err: unknown): string | null {
  if (err instanceof PackageError || err instanceof XmlShapeError) return err.message;
  return null;
}

async function withFallback<T>(
  loaded: LoadedWorkbook,
  options: WriteBackOptions,
  byPackage: (codec: PackageCodec) => Promise<{ bytes: Uint8Array; value: T }>,
  byExcelJS: (workbook: ExcelJS.Workbook) => T,
): Promise<{ written: WrittenFile; value: T }> {
  let reason = 'この環境には圧縮ストリームがありません / no compression streams on this platform';
  if (options.codec) {
    try {
      const { bytes, value } = await byPackage(options.codec);
      return { written: { bytes, mode: 'package', fallbackReason: null, lost: [] }, value };
    } catch (err) {
      const why = fallbackReason(err);
      if (why === null) throw err;
      reason = why;
    }
  }
  if (loaded.unkept.length > 0 && !options.acceptLoss) throw new UnkeptPartsError(loaded.unkept, reason);
  const workbook = await loaded.full();
  const value = byExcelJS(workbook);
  const bytes = await saveXlsx(workbook);
  return { written: { bytes, mode: 'exceljs', fallbackReason: reason, lost: loaded.unkept.slice() }, value };
}

/** The workbook with the plan carried out, as the bytes of a new file (the loaded bytes are not changed). */
export async function writePlanToFile(loaded: LoadedWorkbook, plan: WritePlan, options: WriteBackOptions): Promise<WrittenFile> {
  const { written } = await withFallback(
    loaded,
    options,
    async (codec) => ({ bytes: await writePlanToPackage(loaded.bytes, plan, codec), value: null }),
    (workbook) => applyPlanToWorkbook(workbook, plan),
  );
  return written;
}

/** The workbook with every change of the backup put back, as the bytes of a new file. */
export async function restoreFile(loaded: LoadedWorkbook, rows: readonly BackupRow[], options: WriteBackOptions): Promise<{ written: WrittenFile; result: RestoreResult }> {
  const { written, value } = await withFallback<RestoreResult>(
    loaded,
    options,
    async (codec) => {
      const out = await restorePackage(loaded.bytes, rows, loaded.grid, codec);
      return { bytes: out.bytes, value: out.result };
    },
    (workbook) => restoreWorkbook(workbook, rows),
  );
  return { written, result: value };
}
