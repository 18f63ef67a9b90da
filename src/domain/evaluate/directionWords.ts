/**
 * Words in a KPI name that read "lower is better". A count or rate whose name has none of them reads
 * "higher is better"; when its target is below its baseline, the direction is worth a human look
 * (001 seed line 461: 子育て総合支援センターの相談件数 1,664 → 1,322, yet line 518 calls an actual above a lowered
 * target a success: the plan meant "at least", not "fewer").
 */
export const LOWER_IS_BETTER_WORDS: readonly string[] = [
  '待機', '超過', '事故', '犯罪', '死亡', '死者', '不登校', '空き家', '空家', '放棄', '失業', '離職', '転出',
  '滞納', '未納', '被害', '違反', '苦情', '排出', 'ごみ', 'ゴミ', '発生', '罹患', '虐待', '自殺', '孤立', '廃棄',
  '削減', '抑制', '減少', '低減', '縮減', '短縮', 'コスト', '経費', '負担', '医療費', '待ち', '火災', '不足',
  '赤字', '肥満', '喫煙', '未受診', '欠席', '残業', '渋滞', '遅延', '故障', '苦痛',
];

/** Endings that make a name a count, amount or rate (件数, 利用者数, 割合, 満足度 …). */
const MEASURE_WORDS = /(数|率|割合|満足度|額|人口|件)/;

/** The name reads as a count or rate where more is better (no lower-is-better word in it). */
export function readsHigherIsBetter(name: string): boolean {
  const n = name.normalize('NFKC');
  return MEASURE_WORDS.test(n) && !LOWER_IS_BETTER_WORDS.some((w) => n.includes(w));
}
