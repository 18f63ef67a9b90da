import type * as React from 'react';

/** The change the user is asked about: in the browser page both save the workbook through ExcelJS. */
export type LossAction = 'write' | 'restore';

export interface LossConsentProps {
  action: LossAction;
  /** What the download will not contain, in the UI language (the host's `unsavable`). */
  list: string;
  checked: boolean;
  onChange: (ev: React.ChangeEvent<HTMLInputElement>, data: { checked: boolean }) => void;
  /** The checkbox, focused when the confirmation appears. */
  inputRef?: React.Ref<HTMLInputElement>;
}

export interface LossConsentState {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (ev: React.ChangeEvent<HTMLInputElement>, data: { checked: boolean | 'mixed' }) => void;
  inputRef?: React.Ref<HTMLInputElement>;
}
