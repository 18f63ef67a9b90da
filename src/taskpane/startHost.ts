import type { WorkbookHost } from '../workbook/port';
import { createBrowserHost } from '../workbook/browser';
import { describeError } from './describeError';

/** How long to wait for `Office.onReady` before deciding this is not Office (office.js loaded, no host). */
export const OFFICE_READY_TIMEOUT_MS = 3000;

export interface Startup {
  host: WorkbookHost;
  /** BCP 47 tag that picks the UI language: Office's display language in Excel, the browser's otherwise. */
  languageTag: string | undefined;
  /** Set when office.js was present but failed to initialise. */
  startupProblem?: string;
}

/**
 * Chooses the host ONCE at start-up (STYLE.md: the template's habit of calling onReady on every action is
 * not copied). Browser mode when office.js did not load (plain or offline browser, or the browser page
 * index.html, which does not load it), when onReady does not settle within the timeout, or when the host is not
 * Excel. A failure to load the Office adapter inside Excel is reported as a start-up problem.
 */
export async function startHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<Startup> {
  const browserLanguage = typeof navigator !== 'undefined' ? navigator.language : undefined;
  if (typeof Office === 'undefined') return { host: createBrowserHost(), languageTag: browserLanguage };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    if (info && info.host === Office.HostType.Excel) {
      // Loaded only inside Excel (its own chunk): the browser page never downloads the Office adapter, and
      // the first bundle stays small for the pane's cold start.
      const { createOfficeHost } = await import(/* webpackChunkName: "office-host" */ '../workbook/office');
      return { host: createOfficeHost(), languageTag: Office.context.displayLanguage || browserLanguage };
    }
    return { host: createBrowserHost(), languageTag: browserLanguage };
  } catch (err) {
    return { host: createBrowserHost(), languageTag: browserLanguage, startupProblem: describeError(err) };
  } finally {
    clearTimeout(timer);
  }
}
