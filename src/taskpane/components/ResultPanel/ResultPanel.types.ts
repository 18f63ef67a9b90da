import type * as React from 'react';
import type { CategoryStyle } from '../../../domain/evaluate';
import type { RunResult } from '../../../domain/pipeline';
import type { ProblemReport } from '../../../domain/report';
import type { WriteOutcome } from '../../../workbook/port';
import type { SelectRangeHandler } from '../selectRange';

export interface ResultPanelProps {
  outcome: WriteOutcome;
  /** The pane's own notices about the result (already in the UI language), listed after the host's. */
  notices?: string[];
  /** The evaluation that was written. */
  result: RunResult;
  categories: readonly CategoryStyle[];
  /** Long work is under way: the buttons wait. */
  disabled: boolean;
  /** Browser page: offer the evaluated workbook for download. */
  onDownload?: (ev: React.MouseEvent<HTMLButtonElement>) => void;
  onRestore: (ev: React.MouseEvent<HTMLButtonElement>) => void;
  onBack: (ev: React.MouseEvent<HTMLButtonElement>) => void;
  onSelectRange?: SelectRangeHandler;
}

export interface ResultPanelState {
  changed: string;
  charts: string | null;
  notices: string[];
  counts: { label: string; style: CategoryStyle | null; count: number }[];
  total: string;
  groups: { key: string; text: string }[];
  disagreementsHeading: string | null;
  disagreements: { key: string; text: string; detail: string; kpi: string }[];
  refused: ProblemReport[];
  disabled: boolean;
  onDownload?: (ev: React.MouseEvent<HTMLButtonElement>) => void;
  onRestore: (ev: React.MouseEvent<HTMLButtonElement>) => void;
  onBack: (ev: React.MouseEvent<HTMLButtonElement>) => void;
  onSelectRange?: SelectRangeHandler;
  text: {
    countsHeading: string;
    countsLabel: string;
    groupCounts: string;
    noDisagreements: string;
    refusedHeading: string;
    download: string;
    downloadHint: string;
    restore: string;
    restoreHint: string;
    backToReview: string;
  };
}
