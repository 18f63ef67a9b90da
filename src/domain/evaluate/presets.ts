import type { Problem } from '../problems';
import { OKABE_ITO as C } from './palette';
import { categoriesOf, schemeProblems, schemeSchema } from './scheme';
import type { Scheme, SchemeInput } from './scheme';

const BLACK = '#000000';
const WHITE = '#FFFFFF';

/**
 * 佐久市 (000 seed lines 223–243), also 長野県: r = 実績/目安 (down: 目安/実績); r ≥ 1 順調, r ≥ 0.8 概ね順調,
 * else 努力を要する; 未公表 (統計調査結果が未公表), 実績値なし (調査がない、目安値・実績値がともに0).
 */
const saku: SchemeInput = {
  kind: 'saku',
  id: 'saku',
  name: { ja: '佐久市方式（目安値比）', en: 'Saku (ratio to benchmark)' },
  thresholds: { good: 1, fair: 0.8 },
  categories: [
    { role: 'good', label: '順調', fill: C.bluishGreen, font: BLACK, meaning: { ja: '実績値が目安値以上', en: 'Actual at or beyond the benchmark' } },
    { role: 'fair', label: '概ね順調', fill: C.skyBlue, font: BLACK, meaning: { ja: '実績値が目安値の80%以上100%未満', en: '80–100% of the benchmark' } },
    { role: 'poor', label: '努力を要する', fill: C.orange, font: BLACK, meaning: { ja: '実績値が目安値の80%未満', en: 'Below 80% of the benchmark' } },
    { role: 'unpublished', label: '未公表', fill: C.reddishPurple, font: BLACK, meaning: { ja: '統計調査結果が未公表のため実績値が把握できない', en: 'Statistics not yet published' } },
    { role: 'no-data', label: '実績値なし', fill: C.grey, font: BLACK, meaning: { ja: '実績値が把握できない、または目安値・実績値がともに0', en: 'No actual, or benchmark and actual both 0' } },
  ],
};

/** 岩見沢市 (001 seed lines 235–277): 順調 when the actual is better than the baseline, else 低調; `-` without an actual. */
const iwamizawa: SchemeInput = {
  kind: 'iwamizawa',
  id: 'iwamizawa',
  name: { ja: '岩見沢市方式（基準値比較）', en: 'Iwamizawa (compared with baseline)' },
  equalIsGood: false,
  zeroMissingBaseline: true,
  categories: [
    { role: 'good', label: '順調', fill: C.bluishGreen, font: BLACK, meaning: { ja: '実績が基準値より改善', en: 'Better than the baseline' } },
    { role: 'poor', label: '低調', fill: C.orange, font: BLACK, meaning: { ja: '実績が基準値から改善していない', en: 'Not better than the baseline' } },
    { role: 'no-data', label: '-', fill: C.grey, font: BLACK, meaning: { ja: '今回の実績なし（調査なし・未公表・参考値のみ）', en: 'No current actual' } },
  ],
};

/** A/B/C/D on the ratio to the benchmark: A ≥ 100%, B ≥ 80%, C ≥ 60%, D below 60%. */
const abcd: SchemeInput = {
  kind: 'bands',
  id: 'abcd',
  name: { ja: 'A〜D評価（目安値比）', en: 'A–D (ratio to benchmark)' },
  basis: 'ratio-to-benchmark',
  bands: [
    { label: 'A', min: 1, fill: C.bluishGreen, font: BLACK, meaning: { ja: '目安値の100%以上', en: '≥ 100% of the benchmark' } },
    { label: 'B', min: 0.8, fill: C.skyBlue, font: BLACK, meaning: { ja: '目安値の80%以上100%未満', en: '80–100%' } },
    { label: 'C', min: 0.6, fill: C.yellow, font: BLACK, meaning: { ja: '目安値の60%以上80%未満', en: '60–80%' } },
    { label: 'D', min: null, fill: C.vermillion, font: BLACK, meaning: { ja: '目安値の60%未満', en: 'Below 60%' } },
  ],
  missingLabel: '−',
  missingStyle: { fill: C.grey, font: BLACK, meaning: { ja: '実績値なし', en: 'No actual' } },
};

/**
 * 長与町 S/A/B/C/−: S the actual reaches the final target; otherwise the change vs the baseline in the KPI's
 * direction, changes within ±10% counting as unchanged: A better by more than 10%, B within ±10%, C worse by
 * more than 10%; − no actual.
 */
const nagayo: SchemeInput = {
  kind: 'bands',
  id: 'nagayo',
  name: { ja: '長与町方式（S〜C）', en: 'Nagayo (S–C)' },
  basis: 'change-vs-baseline',
  tolerance: 0.1,
  targetReached: { label: 'S', fill: C.blue, font: WHITE, meaning: { ja: '目標値を達成', en: 'Target reached' } },
  bands: [
    { label: 'A', min: 0.1, fill: C.bluishGreen, font: BLACK, meaning: { ja: '基準値より改善（10%超）', en: 'Better than baseline (> 10%)' } },
    { label: 'B', min: 0, fill: C.skyBlue, font: BLACK, meaning: { ja: '基準値から±10%以内', en: 'Within ±10% of baseline' } },
    { label: 'C', min: null, fill: C.vermillion, font: BLACK, meaning: { ja: '基準値より悪化（10%超）', en: 'Worse than baseline (> 10%)' } },
  ],
  missingLabel: '−',
  missingStyle: { fill: C.grey, font: BLACK, meaning: { ja: '実績値なし', en: 'No actual' } },
};

/** ◎○△× on the ratio to the final target: ◎ ≥ 100% (達成), ○ ≥ 80%, △ ≥ 50%, × below 50%; − no actual. */
const marks: SchemeInput = {
  kind: 'bands',
  id: 'marks',
  name: { ja: '◎○△×（目標値比）', en: 'Marks (ratio to target)' },
  basis: 'ratio-to-target',
  bands: [
    { label: '◎', min: 1, fill: C.bluishGreen, font: BLACK, meaning: { ja: '目標値を達成', en: 'Target reached' } },
    { label: '○', min: 0.8, fill: C.skyBlue, font: BLACK, meaning: { ja: '目標値の80%以上', en: '≥ 80% of the target' } },
    { label: '△', min: 0.5, fill: C.yellow, font: BLACK, meaning: { ja: '目標値の50%以上80%未満', en: '50–80% of the target' } },
    { label: '×', min: null, fill: C.vermillion, font: BLACK, meaning: { ja: '目標値の50%未満', en: 'Below 50% of the target' } },
  ],
  missingLabel: '−',
  missingStyle: { fill: C.grey, font: BLACK, meaning: { ja: '実績値なし', en: 'No actual' } },
};

const INPUTS: Record<string, SchemeInput> = { saku, iwamizawa, abcd, nagayo, marks };

/** Other names a user may type for a preset. */
const ALIASES: Record<string, string> = {
  nagano: 'saku',
  '長野県': 'saku',
  '佐久市': 'saku',
  '岩見沢市': 'iwamizawa',
  '長与町': 'nagayo',
};

export const PRESET_IDS = Object.keys(INPUTS) as readonly string[];
export const DEFAULT_SCHEME_ID = 'saku';

/** A fresh copy of a preset (callers may edit it), or null for an unknown id. Ids are case-insensitive; aliases: nagano/長野県 → saku. */
export function presetScheme(id: string): Scheme | null {
  const key = id.trim().toLowerCase();
  const input = INPUTS[key] ?? INPUTS[ALIASES[key] ?? ALIASES[id.trim()] ?? ''];
  return input ? schemeSchema.parse(structuredClone(input)) : null;
}

/** Presets are constants: their labels are collected once (each run asks, and parsing five presets costs). */
let presetLabelList: string[] | null = null;

/** Every label any preset uses: a status cell holding one may be replaced without `--overwrite`. */
export function presetLabels(): string[] {
  presetLabelList ??= collectPresetLabels();
  return presetLabelList.slice();
}

function collectPresetLabels(): string[] {
  const out = new Set<string>();
  for (const id of PRESET_IDS) {
    const s = presetScheme(id);
    if (!s) continue;
    if (s.kind === 'bands') {
      if (s.targetReached) out.add(s.targetReached.label);
      s.bands.forEach((b) => out.add(b.label));
      out.add(s.missingLabel);
    } else s.categories.forEach((c) => out.add(c.label));
  }
  return [...out];
}

/**
 * Every category label a status cell may hold and be replaced without `--overwrite`: the presets' labels, plus
 * those of `scheme` when given (a user-defined scheme).
 */
export function knownCategoryLabels(scheme?: Scheme): ReadonlySet<string> {
  const out = new Set(presetLabels());
  if (scheme) categoriesOf(scheme).forEach((c) => out.add(c.label));
  return out;
}

function problem(message: string): Problem {
  return { sheet: null, cell: null, code: 'scheme-invalid', message };
}

/**
 * A scheme from a preset id (`saku`, `iwamizawa`, `abcd`, `nagayo`, `marks`, alias `nagano`), a JSON text, or an
 * object (from the settings sheet). Never throws: an unknown id, bad JSON or a bad field gives `{ problems }`,
 * each naming the field path (`scheme.bands[1].min: …`).
 */
export function resolveScheme(idOrJson: unknown): { scheme: Scheme } | { problems: Problem[] } {
  let input: unknown = idOrJson;
  if (typeof idOrJson === 'string') {
    const textIn = idOrJson.trim();
    if (!textIn.startsWith('{')) {
      const preset = presetScheme(textIn);
      if (preset) return { scheme: preset };
      return { problems: [problem(`評価方式「${textIn}」はありません（使える方式: ${PRESET_IDS.join(', ')}） / Unknown scheme "${textIn}" (known: ${PRESET_IDS.join(', ')})`)] };
    }
    try {
      input = JSON.parse(textIn);
    } catch (e) {
      return { problems: [problem(`評価方式の JSON を読めません / Scheme is not valid JSON: ${(e as Error).message}`)] };
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { problems: [problem('評価方式はIDか、kind を持つオブジェクトで指定してください / A scheme is a preset id or an object with a "kind"')] };
  }
  const parsed = schemeSchema.safeParse(input);
  return parsed.success ? { scheme: parsed.data } : { problems: schemeProblems(parsed.error) };
}
