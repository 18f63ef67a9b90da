import type { PackageCodec } from './xlsxPackage';

/**
 * A stream read to its end, as one array. With `maxBytes`: null as soon as the data would exceed it (the reader
 * is cancelled), so a zip bomb is never held in full.
 */
export function readStream(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array>;
export function readStream(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<Uint8Array | null>;
export async function readStream(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes = Infinity): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Inflate and deflate through the platform's streams (`DecompressionStream` / `CompressionStream` with
 * 'deflate-raw': current browsers and Node ≥ 18). The CLI passes Node's zlib instead (faster, synchronous).
 */
async function through(stream: TransformStream<Uint8Array, Uint8Array>, data: Uint8Array): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const written = writer.write(data as Uint8Array<ArrayBuffer>).then(() => writer.close());
  // Data that will not inflate fails both sides: the read below reports it; unhandled here, it would crash Node.
  written.catch(() => undefined);
  const out = await readStream(stream.readable.getReader());
  await written;
  return out;
}

/** The platform's codec, or null where it lacks the compression streams. */
export const streamCodec: PackageCodec | null =
  typeof CompressionStream === 'undefined' || typeof DecompressionStream === 'undefined'
    ? null
    : {
        inflate: (compressed) => through(new DecompressionStream('deflate-raw') as TransformStream<Uint8Array, Uint8Array>, compressed),
        deflate: (data) => through(new CompressionStream('deflate-raw') as TransformStream<Uint8Array, Uint8Array>, data),
      };
