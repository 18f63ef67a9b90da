import type * as React from 'react';

/** Callback data when the user asks to see cells in the workbook (Excel only). */
export interface SelectRangeData {
  sheet: string;
  range: string;
}

export type SelectRangeHandler = (ev: React.SyntheticEvent, data: SelectRangeData) => void;
