import type { SheetGrid } from '../domain/grid';

/**
 * What the task pane needs from wherever the workbook lives. Chosen once at start-up (src/taskpane/index.tsx):
 * `office` inside Excel (Office.js), `browser` when the page is opened outside Office.
 * The UI talks to this port only; it never calls Office directly (STYLE.md, "Data flows one way").
 */
export interface WorkbookHost {
  kind: 'office' | 'browser';
  /**
   * The active worksheet's used range as a `SheetGrid`, in one round trip. Rejects with the host's own error
   * (never swallowed): the caller shows what failed. Nothing is written.
   */
  readActiveSheet(): Promise<SheetGrid>;
}
