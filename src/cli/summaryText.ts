import type { RunResult } from '../domain/pipeline';

/**
 * The short summary printed after an evaluation: counts per category for each group and in total (the
 * numbers staff used to count by hand for the overview page), the as-of year and the scheme.
 */
export function formatSummary(result: RunResult, lang: 'ja' | 'en'): string[] {
  const { summary } = result.plan;
  const labels = summary.rules.map((r) => r.text);
  const line = (counts: Record<string, number>): string =>
    labels.map((l) => `${l} ${counts[l] ?? 0}`).join(' / ');
  const out: string[] = [];
  const tables = result.detection.tables.length;
  const kpis = result.detection.kpis.length;
  out.push(
    lang === 'en'
      ? `Shinchoku: ${kpis} KPIs in ${tables} tables — scheme ${result.scheme.name.en}, as of ${result.settings.asOf ?? 'each KPI’s latest year'}`
      : `進捗: ${tables} 個の表から ${kpis} 件の指標を評価（評価方式: ${result.scheme.name.ja}、評価年度: ${result.settings.asOf ?? '各指標の最新年度'}）`,
  );
  const width = Math.max(...summary.counts.map((g) => displayWidth(g.group)), 4);
  for (const g of summary.counts) out.push(`  ${pad(g.group, width)}  ${line(g.counts)}`);
  const total: Record<string, number> = {};
  for (const g of summary.counts) for (const l of labels) total[l] = (total[l] ?? 0) + (g.counts[l] ?? 0);
  out.push(`  ${pad(lang === 'en' ? 'Total' : '合計', width)}  ${line(total)}`);
  const disagreements = result.results.reduce((n, k) => n + k.disagreements.length, 0);
  if (disagreements > 0) {
    out.push(
      lang === 'en'
        ? `  ${disagreements} hand-entered categories disagree with the rule (see the report)`
        : `  手入力の進捗区分とルールの判定が異なるセル: ${disagreements} 件（レポート参照）`,
    );
  }
  return out;
}

/** Full-width characters take two columns in a terminal. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
