/** KPI names and group headings as written in the cells (000 seed lines 327–332, 001 seed line 233). */

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** `①` → 1 … `⑳` → 20, or null. */
export function circledNumber(ch: string): number | null {
  const i = CIRCLED.indexOf(ch);
  return i >= 0 ? i + 1 : null;
}

export interface CleanName {
  name: string;
  order: number | null;
  sources: string[];
}

const SOURCE_TAIL_RE = /[【[［]([^【】[\]［］]+)[】\]］]\s*$/;
const FOOTNOTE_TAIL_RE = /\s*※\s*\d*\s*$/;

/**
 * Joins a name broken over lines (`「佐久市は住みや\nすい」と回答する\n人の割合` → one line, no space added),
 * strips a leading circled number (→ `order`), trailing `【企画課】`-style sources (→ `sources`, in reading order)
 * and a trailing footnote mark (`※4`, 001 seed line 276).
 */
export function cleanName(text: string): CleanName {
  let clean = cleanNames.get(text);
  if (clean === undefined) {
    clean = readName(text);
    if (cleanNames.size >= MAX_CACHED_NAMES) cleanNames.clear();
    cleanNames.set(text, clean);
  }
  // A copy of the cached sources: they become a KPI's own `sources`.
  return { name: clean.name, order: clean.order, sources: clean.sources.slice() };
}

/** Names repeat across tables and sheets (and a row table's aims on every row): each text is read once. */
const cleanNames = new Map<string, CleanName>();
const MAX_CACHED_NAMES = 10_000;

function readName(text: string): CleanName {
  let name = text.replace(/\s*[\r\n]+\s*/g, '').trim();
  let order: number | null = null;
  const first = circledNumber(name.charAt(0));
  if (first !== null) {
    order = first;
    name = name.slice(1).trim();
  }
  const sources: string[] = [];
  for (;;) {
    const withoutNote = name.replace(FOOTNOTE_TAIL_RE, '');
    const m = SOURCE_TAIL_RE.exec(withoutNote);
    if (!m || m.index === 0) {
      name = withoutNote;
      break;
    }
    sources.unshift(m[1].trim());
    name = withoutNote.slice(0, m.index).trim();
  }
  return { name, order, sources };
}

const GROUP_RE =
  /^[\s【[［〔(（]*((?:基本目標|政策|施策)\s*[0-9０-９]+(?:\s*[-－‐―ー]\s*[0-9０-９]+)*)\s*(?:$|[\s】\]］〕)）「『<＜:：.．、])/;

/**
 * The group a heading names, spaces removed, digits as written: `基本目標１「…」` → `基本目標１`,
 * `【基本目標 3】…` → `基本目標3`, `施策 1-1` → `施策1-1`. `政策1～5を推進…` (prose) is not a heading.
 */
export function groupOfHeading(text: string): string | null {
  if (text.length > 200) return null;
  const m = GROUP_RE.exec(text);
  return m ? m[1].replace(/\s+/g, '') : null;
}

/** 累計 / 合計 as a basis (`（計画期間の累計）`, `(5年間の合計)`), not `合計特殊出生率`. */
export function namesCumulative(text: string): boolean {
  return /累計|[のな]合計|合計[)）]/.test(text);
}

/** A first-column text that starts prose after a table (001/004 seeds): it ends the table. */
export function isProseLabel(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return (
    t.length > 60 ||
    t.includes('。') ||
    /^[※＊*]/.test(t) ||
    /(?:考え方|分析|方針|取組|取り組み|備考|出典|注記)$/.test(t)
  );
}
