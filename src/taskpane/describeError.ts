/**
 * One line saying what went wrong, for the UI. Office errors (`OfficeExtension.Error`) carry a `code` and
 * `debugInfo.errorLocation` (e.g. `Range.values`): both are kept, they tell support what failed.
 */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const { code, debugInfo } = err as Error & { code?: unknown; debugInfo?: { errorLocation?: unknown } };
    const parts: string[] = [];
    if (typeof code === 'string' && code !== '' && code !== err.message) parts.push(`[${code}]`);
    parts.push(err.message || err.name);
    const location = debugInfo?.errorLocation;
    if (typeof location === 'string' && location !== '') parts.push(`(${location})`);
    return parts.join(' ');
  }
  return typeof err === 'string' ? err : JSON.stringify(err) ?? String(err);
}
