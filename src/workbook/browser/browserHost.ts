import type { WorkbookHost } from '../port';

/**
 * The host used when the task pane runs outside Office (plain browser). It has no active sheet yet: the
 * browser page will read an .xlsx the user picks (src/workbook/xlsx), which is not wired in here.
 */
export function createBrowserHost(): WorkbookHost {
  return {
    kind: 'browser',
    readActiveSheet() {
      return Promise.reject(
        new Error('createBrowserHost: there is no active sheet outside Excel; open an .xlsx file instead'),
      );
    },
  };
}
