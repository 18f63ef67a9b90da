import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressListener } from '../../../workbook/port';
import type { Busy, Task } from './App.types';

export type TaskOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown; cancelled: boolean };

/**
 * Runs one piece of long work at a time with a progress state and an AbortController that the cancel button
 * aborts (the host stops between round trips). Work that finishes although cancel was pressed counts as done:
 * it did change the workbook. Pending work is aborted when the pane goes away.
 */
export function useTask() {
  const [busy, setBusy] = useState<Busy | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async <T>(
      task: Task,
      cancellable: boolean,
      work: (signal: AbortSignal, onProgress: ProgressListener) => Promise<T>,
    ): Promise<TaskOutcome<T>> => {
      const ctl = new AbortController();
      controller.current = ctl;
      setBusy({ task, done: 0, total: 0, cancellable });
      const onProgress: ProgressListener = (done, total) =>
        setBusy((b) => (b && b.task === task ? { ...b, done, total } : b));
      try {
        return { ok: true, value: await work(ctl.signal, onProgress) };
      } catch (error) {
        return { ok: false, error, cancelled: ctl.signal.aborted };
      } finally {
        if (controller.current === ctl) controller.current = null;
        setBusy(null);
      }
    },
    [],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { busy, run, cancel };
}
