/**
 * Colours for categories: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable
 * with the common colour-vision deficiencies, plus its grey for "no data". Every fill gets the font colour
 * (black or white) with the higher WCAG 2 contrast; the presets are tested to reach 4.5:1 (WCAG AA, normal text).
 * Colour is never the only signal: the category text is always written.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
  black: '#000000',
} as const;

const HEX = /^#([0-9A-Fa-f]{6})$/;

/** WCAG 2 relative luminance of `#RRGGBB` (0 black … 1 white). Throws on malformed colour text (a programmer error). */
export function relativeLuminance(hex: string): number {
  const m = HEX.exec(hex);
  if (!m) throw new Error(`relativeLuminance: not a #RRGGBB colour: ${hex}`);
  const n = parseInt(m[1], 16);
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG 2 contrast ratio of two `#RRGGBB` colours, 1 … 21, order-independent. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever contrasts more with `fill`. */
export function fontFor(fill: string): '#000000' | '#FFFFFF' {
  return contrastRatio(fill, '#000000') >= contrastRatio(fill, '#FFFFFF') ? '#000000' : '#FFFFFF';
}
