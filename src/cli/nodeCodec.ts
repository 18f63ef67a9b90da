import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { BoundedInflate } from '../workbook/xlsx/inspect';
import type { PackageCodec } from '../workbook/xlsx/package/xlsxPackage';

const deflateRaw = promisify(zlib.deflateRaw);

/**
 * Node's zlib for the part-by-part writer: inflate synchronously (parts the writer changes are small or few),
 * deflate on zlib's thread pool so that the new parts are compressed side by side, native CRC-32 where this
 * Node has it (≥ 20.15).
 */
export const nodeCodec: PackageCodec = {
  inflate: async (compressed, size) => zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, size) }),
  deflate: async (data) => deflateRaw(data),
  crc32: typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (zlib as unknown as { crc32: (d: Uint8Array) => number }).crc32 : undefined,
};

/**
 * Node's zlib for the inspection before loading (`inspectXlsx`): gives up (null) past `maxBytes`, as a zip bomb
 * that lies about its size would need.
 */
export const nodeBoundedInflate: BoundedInflate = async (compressed, maxBytes) => {
  try {
    return zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
};
