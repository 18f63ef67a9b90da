import type { WorkbookHost } from '../port';
import { readActiveSheet } from './readSheet';

/** The host used inside Excel. Create it only after `Office.onReady` reported Excel. */
export function createOfficeHost(): WorkbookHost {
  return {
    kind: 'office',
    readActiveSheet,
  };
}
