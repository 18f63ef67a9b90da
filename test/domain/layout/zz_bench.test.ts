import { detect } from '../../../src/domain/layout';
import { gridFromRows } from '../../../src/domain/grid';
import type { RawValue } from '../../../src/domain/grid';

function time(label: string, f: () => unknown) {
  const t = performance.now();
  const r = f();
  process.stdout.write(`${label}: ${(performance.now() - t).toFixed(1)} ms\n`);
  return r;
}
test('bench', () => {
  const junk: RawValue[][] = [];
  for (let i = 0; i < 10000; i++) junk.push([`行${i} 計画 実績 R${i % 9}`, i, i * 1.5, '令和2年度の実績', 'これは説明文です。'.repeat(i % 5), i % 7 === 0 ? '実績' : null, 2020 + (i % 5), 'R2', null, '-']);
  time('junk 10k rows', () => detect([gridFromRows('junk', junk)]));
  time('junk 10k rows again', () => detect([gridFromRows('junk', junk)]));
  // 10,000 saku blocks under one header
  const saku: RawValue[][] = [['指標名', '年度別評価', 'R1（基準値）', 'R2', 'R3', 'R4', 'R5', 'R6（目標値）', '単位']];
  for (let i = 0; i < 10000; i++) {
    saku.push([`指標${i}【企画課】`, '目安値', null, 78.4, 78.8, 79.2, 79.6, 80, '％']);
    saku.push([null, '実績値', 78, 81.4, 77.3, 78.5, 77.4, null, null]);
    saku.push([null, '進捗区分', null, '順調', '概ね順調', '概ね順調', '概ね順調', null, null]);
  }
  const g = gridFromRows('saku', saku);
  const d = time('10k saku KPIs', () => detect([g])) as ReturnType<typeof detect>;
  time('10k saku KPIs again', () => detect([g]));
  process.stdout.write(`kpis ${d.kpis.length} problems ${d.problems.length}\n`);
  const rows: RawValue[][] = [['重要業績評価指標 (KPI)', '基準値', '目標値', '実績', '状況']];
  for (let i = 0; i < 10000; i++) rows.push([`①指標${i}`, '1,498千円', '1,600千円', '1,622千円', '順調']);
  const rg = gridFromRows('rows', rows);
  const r = time('10k row KPIs', () => detect([rg])) as ReturnType<typeof detect>;
  time('10k row KPIs again', () => detect([rg]));
  process.stdout.write(`kpis ${r.kpis.length} problems ${r.problems.length}\n`);
  // komoro 10k tables
  const k: RawValue[][] = [];
  for (let i = 0; i < 3000; i++) {
    k.push(['指標名', `指標${i}`, null, null, null, null, null, null]);
    k.push(['設定理由', 'ごみを減らすことにより処理費用の削減と', null, null, null, null, null, null]);
    k.push(['算式', null, null, null, null, null, '単位', '%']);
    k.push(['目標値', '計画策定時', null, '令和2年度', '令和3年度', '令和4年度', '令和5年度', null]);
    k.push([null, '小93.5 中98.1', '計画', '小100 中100', '小100 中100', '小100 中100', '小100 中100', null]);
    k.push([null, null, '実績', '小90 中90', null, null, null, null]);
  }
  const kg = gridFromRows('komoro', k);
  const kr = time('3k komoro tables (6k KPIs)', () => detect([kg])) as ReturnType<typeof detect>;
  process.stdout.write(`kpis ${kr.kpis.length} problems ${kr.problems.length}\n`);
});
