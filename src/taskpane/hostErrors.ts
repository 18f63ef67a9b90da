import { describeError } from './describeError';
import type { Messages } from './i18n';
import { inLanguage } from './localize';

/**
 * What a host's error says, in the pane's language when the host gave a known code (the browser host's
 * refusals), otherwise the host's own words with its code and location (Office errors, describeError).
 */
export function hostErrorText(err: unknown, t: Messages): string {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  switch (code) {
    case 'no-workbook':
      return t.errorNoWorkbook;
    case 'no-selection':
      return t.errorNoSelection;
    case 'no-backup':
      return t.errorNoBackup;
    case 'unsavable-parts':
      return t.errorUnsavable;
    case 'engine-unavailable':
      return `${t.errorEngineUnavailable} (${describeError(err)})`;
    default:
      return inLanguage(describeError(err), t.language);
  }
}
