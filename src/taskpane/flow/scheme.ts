import type { Scheme } from '../../domain/evaluate';
import { en, ja } from '../i18n';

/** One editable threshold of a scheme, in percent (0.8 → 80). */
export interface ThresholdField {
  /** `good` / `fair` (saku), `band:<index>` (bands), `tolerance` (change-vs-baseline). */
  key: string;
  /** Category label the bound belongs to (null for the tolerance). */
  label: string | null;
  percent: number;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const toPercent = (x: number) => round(x * 100);
const fromPercent = (p: number) => round(p / 100);

/** The thresholds a user may edit: saku's 1.0 and 0.8, each band's lower bound, and a change basis' tolerance. */
export function thresholdFields(scheme: Scheme): ThresholdField[] {
  if (scheme.kind === 'saku') {
    const label = (role: string) => scheme.categories.find((c) => c.role === role)?.label ?? role;
    return [
      { key: 'good', label: label('good'), percent: toPercent(scheme.thresholds.good) },
      { key: 'fair', label: label('fair'), percent: toPercent(scheme.thresholds.fair) },
    ];
  }
  if (scheme.kind === 'bands') {
    const fields: ThresholdField[] = [];
    scheme.bands.forEach((band, i) => {
      if (band.min !== null) fields.push({ key: `band:${i}`, label: band.label, percent: toPercent(band.min) });
    });
    if (scheme.basis === 'change-vs-baseline') fields.push({ key: 'tolerance', label: null, percent: toPercent(scheme.tolerance) });
    return fields;
  }
  return [];
}

/** The preset a scheme was made from: its id without the `-custom` suffix this pane adds. */
export function baseSchemeId(scheme: string | Scheme): string {
  const id = typeof scheme === 'string' ? scheme : scheme.id;
  return id.replace(/-custom$/, '');
}

/** A copy of `scheme` with one threshold changed (not validated: the engine's `resolveScheme` does that). */
export function withThreshold(scheme: Scheme, key: string, percent: number): Scheme {
  const copy = structuredClone(scheme);
  const value = fromPercent(percent);
  if (copy.kind === 'saku' && (key === 'good' || key === 'fair')) copy.thresholds[key] = value;
  else if (copy.kind === 'bands' && key === 'tolerance') copy.tolerance = value;
  else if (copy.kind === 'bands' && key.startsWith('band:')) {
    const band = copy.bands[Number(key.slice(5))];
    if (band) band.min = value;
  }
  return copy;
}

function sameThresholds(a: Scheme, b: Scheme): boolean {
  return JSON.stringify(thresholdFields(a)) === JSON.stringify(thresholdFields(b));
}

/**
 * What to store for an edited scheme: the preset's id when the thresholds are the preset's again, otherwise the
 * whole scheme with id `<preset>-custom` and a name saying the thresholds were changed (in both languages, as
 * the summary sheet may be written in either).
 */
export function schemeChoiceFor(edited: Scheme, preset: Scheme | null): string | Scheme {
  if (preset && sameThresholds(edited, preset)) return preset.id;
  const base = preset ?? edited;
  return {
    ...edited,
    id: `${baseSchemeId(base.id)}-custom`,
    name: { ja: `${base.name.ja}${ja.customSchemeSuffix}`, en: `${base.name.en}${en.customSchemeSuffix}` },
  };
}

/** Parses what the user typed into a threshold field (`80`, `８０`, `80%`); null when it is not a number. */
export function parsePercent(text: string): number | null {
  const t = text.normalize('NFKC').replace(/[%\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
