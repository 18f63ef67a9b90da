import type * as React from 'react';
import type { ReadScope, WorkbookHost } from '../../../workbook/port';

export interface StartPanelProps {
  hostKind: WorkbookHost['kind'];
  /** Browser page: the file opened, or null before one is chosen. */
  fileName: string | null;
  scope: ReadScope;
  /** Long work is under way: nothing can be started. */
  disabled: boolean;
  onOpenFile: (ev: React.ChangeEvent<HTMLInputElement>, data: { file: File }) => void;
  onScopeChange: (ev: React.FormEvent<HTMLDivElement>, data: { scope: ReadScope }) => void;
  onEvaluate: (ev: React.MouseEvent<HTMLButtonElement>) => void;
}

export interface StartPanelState {
  browser: boolean;
  fileInputId: string;
  fileStatus: string | null;
  scope: ReadScope;
  disabled: boolean;
  canEvaluate: boolean;
  onFileChange: (ev: React.ChangeEvent<HTMLInputElement>) => void;
  onScopeChange: (ev: React.FormEvent<HTMLDivElement>, data: { value: string }) => void;
  onEvaluate: (ev: React.MouseEvent<HTMLButtonElement>) => void;
  text: {
    openWorkbook: string;
    scopeLabel: string;
    scopeActive: string;
    scopeSelection: string;
    scopeAll: string;
    scopeHint: string | null;
    evaluate: string;
  };
}
