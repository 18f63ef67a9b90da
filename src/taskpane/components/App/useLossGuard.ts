import { useEffect, useRef, useState } from 'react';
import type { OpenOutcome, UnsavableParts } from '../../../workbook/port';
import type { Messages } from '../../i18n';
import type { LossAction, LossConsentProps } from '../LossConsent';

/**
 * The browser page keeps every part of a workbook, except where it must save one rebuilt (a browser without
 * compression streams, or a file whose structure it cannot follow): then charts, pivot tables, … would be lost.
 * The host names them on opening when it knows then, else when a change is refused (`refused`). The pane
 * warns; the first 結果を書き込む or 元に戻す then asks instead of acting (a checkbox, focused, beside the
 * button), and acts on the next press once it is ticked. The answer holds for that file. Inside Excel nothing
 * is ever unsavable and nothing here shows.
 */
export function useLossGuard(t: Messages) {
  const [unsavable, setUnsavable] = useState<UnsavableParts | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [asking, setAsking] = useState<LossAction | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) inputRef.current?.focus();
  }, [focusRequest]);

  const list = unsavable ? unsavable[t.language] : null;

  return {
    /** What the download will lack, in the UI language, or null. */
    list,
    /** A file was opened: forget the previous file's answer. */
    opened(outcome: OpenOutcome) {
      setUnsavable(outcome.unsavable);
      setAccepted(false);
      setAsking(null);
    },
    /**
     * The host refused `action` because a save would lose parts it could not name on opening (a file it can only
     * save rebuilt): from now on the pane warns and asks, starting beside that button.
     */
    refused(action: LossAction, parts: UnsavableParts) {
      setUnsavable(parts);
      setAccepted(false);
      setAsking(action);
      setFocusRequest((n) => n + 1);
    },
    /** Runs `proceed` (telling the host whether the user agreed) unless the user must be asked first. */
    guard(action: LossAction, proceed: (acceptLoss: boolean) => void) {
      if (unsavable === null) proceed(false);
      else if (accepted) proceed(true);
      else {
        setAsking(action);
        setFocusRequest((n) => n + 1);
      }
    },
    /** The question beside `action`'s button, once that button was pressed. */
    consent(action: LossAction): LossConsentProps | null {
      if (list === null || asking !== action) return null;
      return { action, list, checked: accepted, onChange: (_ev, data) => setAccepted(data.checked), inputRef };
    },
  };
}
