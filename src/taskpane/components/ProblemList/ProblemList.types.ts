import type { ProblemReport } from '../../../domain/report';
import type { SelectRangeHandler } from '../selectRange';

export interface ProblemListProps {
  problems: readonly ProblemReport[];
  /** Accessible name of the list. */
  label: string;
  /** Given in Excel: each cell becomes a button that selects it. */
  onSelectRange?: SelectRangeHandler;
}

export interface ProblemListItem {
  key: string;
  sheet: string | null;
  cell: string | null;
  /** `シート!E4`, the sheet alone, or "whole workbook". */
  location: string;
  message: string;
}

export interface ProblemListState {
  label: string;
  items: ProblemListItem[];
  onSelectRange?: SelectRangeHandler;
}
