import { useMemo } from 'react';
import { useMessages } from '../../i18n';
import { inLanguage } from '../../localize';
import type { ProblemListProps, ProblemListState } from './ProblemList.types';

export function useProblemList(props: ProblemListProps): ProblemListState {
  const t = useMessages();
  const items = useMemo(
    () =>
      props.problems.map((p, i) => ({
        key: `${i}:${p.sheet ?? ''}!${p.cell ?? ''}:${p.code}`,
        sheet: p.sheet,
        cell: p.cell,
        location: p.sheet !== null ? (p.cell !== null ? `${p.sheet}!${p.cell}` : p.sheet) : t.wholeWorkbook,
        message: inLanguage(p.message, t.language),
      })),
    [props.problems, t],
  );
  return { label: props.label, items, onSelectRange: props.onSelectRange };
}
