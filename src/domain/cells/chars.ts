/** Character classes of normalised cell text, by UTF-16 code unit. */

export function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isLatinCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
