import type * as React from 'react';

export interface WorkProgressProps {
  /** What is being done (`ブックを読み取っています…`). */
  label: string;
  /** Share done, 0…1, or null when the host reports no progress (indeterminate bar). */
  value: number | null;
  /** `3 / 5` when known. */
  step: string | null;
  /** Given when the work can be cancelled. */
  onCancel?: (ev: React.MouseEvent<HTMLButtonElement>) => void;
}

export interface WorkProgressState {
  label: string;
  value: number | undefined;
  step: string | null;
  cancelLabel: string;
  onCancel?: (ev: React.MouseEvent<HTMLButtonElement>) => void;
}
