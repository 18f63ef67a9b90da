import { useCallback, useState } from 'react';
import { describeError } from '../../describeError';
import { useMessages } from '../../i18n';
import type { AppProps, AppState, ScanStatus } from './App.types';

/**
 * State of the first screen. "Scan this sheet" reads the active sheet through the host port, then runs the
 * engine's detection on it. The engine is loaded on first use (its own chunk) so the pane opens fast.
 * Every failure ends in `failed` with the step and the host's message; nothing is written to the workbook.
 */
export function useApp(props: AppProps): AppState {
  const { host, startupProblem } = props;
  const messages = useMessages();
  const [status, setStatus] = useState<ScanStatus>({ kind: 'idle' });

  const scan = useCallback(async () => {
    setStatus({ kind: 'reading' });
    let grid;
    try {
      grid = await host.readActiveSheet();
    } catch (err) {
      setStatus({ kind: 'failed', stage: 'read', detail: describeError(err) });
      return;
    }
    try {
      const { detect } = await import(/* webpackChunkName: "engine" */ '../../../domain/layout');
      setStatus({ kind: 'done', sheet: grid.name, detection: detect([grid]) });
    } catch (err) {
      setStatus({ kind: 'failed', stage: 'detect', detail: describeError(err) });
    }
  }, [host]);

  const onScan = useCallback(() => {
    void scan();
  }, [scan]);

  return {
    hostKind: host.kind,
    startupProblem: startupProblem ?? null,
    status,
    messages,
    onScan,
  };
}
