import { useEffect, useMemo, useRef, useState } from 'react';
import type * as React from 'react';
import type { RestoreOutcome, ReadScope, UnsavableParts, WriteOutcome } from '../../../workbook/port';
import { describeError } from '../../describeError';
import type { Engine } from '../../engine';
import { loadEngine } from '../../engine';
import { nextPaint, readFileBytes, saveWithLink } from '../../files';
import type { EvaluationChoices } from '../../flow/choices';
import { withDirection } from '../../flow/choices';
import { evaluateSnapshot, hasBackup } from '../../flow/evaluate';
import { baseSchemeId, parsePercent, schemeChoiceFor, withThreshold } from '../../flow/scheme';
import { hostErrorText } from '../../hostErrors';
import { useMessages } from '../../i18n';
import { inLanguage } from '../../localize';
import { loadPanels } from '../lazyPanels';
import type { SettingsChange } from '../SettingsPanel';
import type { SelectRangeHandler } from '../selectRange';
import type { AppProps, AppState, Evaluated, Failure, Phase, ReviewView } from './App.types';
import { occupiedCells, overwriteOption, PROGRESS, writeSection } from './reviewSection';
import { useKpiChart } from './useKpiChart';
import { useLossGuard } from './useLossGuard';
import { useTask } from './useTask';

/**
 * The task pane's flow: detect (open / scope / 評価する) → review and choose → 結果を書き込む → result
 * (ダウンロード, 元に戻す). The UI talks to the host port only; the engine runs on what the host read, and a
 * changed choice re-runs it without reading the workbook again. Every failure names the step, the host's own
 * message and what it means for the workbook.
 */
export function useApp(props: AppProps): AppState {
  const { host, startupProblem } = props;
  const saveFile = props.saveFile ?? saveWithLink;
  const t = useMessages();
  const lang = t.language;
  const { busy, run, cancel } = useTask();
  const consent = useLossGuard(t);

  const [fileName, setFileName] = useState<string | null>(null);
  const [scope, setScope] = useState<ReadScope>('all-sheets');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [engine, setEngine] = useState<Engine | null>(null);
  const [evaluated, setEvaluated] = useState<Evaluated | null>(null);
  const [written, setWritten] = useState<{ outcome: WriteOutcome; evaluated: Evaluated } | null>(null);
  const [restored, setRestored] = useState<RestoreOutcome | null>(null);
  const [view, setView] = useState<ReviewView>('review');
  const [thresholdError, setThresholdError] = useState<{ key: string; message: string } | null>(null);
  const [partialWrite, setPartialWrite] = useState(false);
  const [occupied, setOccupied] = useState(0);

  // Keyboard and screen-reader users land on the new step's heading when a step completes.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) headingRef.current?.focus();
  }, [focusRequest]);

  const clearMessages = () => {
    setFailure(null);
    setNotice(null);
  };
  const fail = (task: Failure['task'], err: unknown, consequence: string) =>
    setFailure({ task, detail: hostErrorText(err, t), consequence });

  const evaluate = async (keep: EvaluationChoices | null) => {
    clearMessages();
    setThresholdError(null);
    const read = await run('read', true, (signal, onProgress) => host.read(scope, { signal, onProgress }));
    if (!read.ok) {
      if (read.cancelled) setNotice(`${t.cancelled} ${t.workbookUnchanged}`);
      else fail('read', read.error, t.workbookUnchanged);
      return;
    }
    const done = await run('evaluate', false, async () => {
      const [eng] = await Promise.all([loadEngine(), loadPanels()]);
      await nextPaint();
      return { eng, ...evaluateSnapshot(eng, read.value, keep && { ...keep, overwrite: false }, lang) };
    });
    if (!done.ok) {
      setFailure({ task: 'evaluate', detail: describeError(done.error), consequence: t.workbookUnchanged });
      return;
    }
    const { eng, outcome, choices } = done.value;
    if (!outcome.ok) {
      setFailure({
        task: 'evaluate',
        detail: '',
        lines: outcome.problems.map((p) => inLanguage(p.message, lang)),
        consequence: t.workbookUnchanged,
      });
      return;
    }
    setEngine(eng);
    const scheme = outcome.result.scheme;
    setEvaluated({
      snapshot: read.value,
      choices,
      result: outcome.result,
      categories: eng.categoriesOf(scheme),
      // A scheme of the workbook's own (not a preset, edited or not) stays selectable after trying others.
      ownScheme: eng.PRESET_IDS.includes(baseSchemeId(scheme.id)) ? null : scheme,
    });
    setWritten(null);
    setRestored(null);
    setPartialWrite(false);
    setView('review');
    setFocusRequest((n) => n + 1);
  };

  /** Re-runs the engine on what was read, with new choices; a refused threshold stays in its field. */
  const reevaluate = (next: EvaluationChoices, thresholdKey: string | null) => {
    if (!evaluated || !engine) return;
    let outcome;
    try {
      outcome = evaluateSnapshot(engine, evaluated.snapshot, next, lang).outcome;
    } catch (err) {
      setFailure({ task: 'evaluate', detail: describeError(err), consequence: t.workbookUnchanged });
      return;
    }
    if (!outcome.ok) {
      const lines = outcome.problems.map((p) => inLanguage(p.message, lang));
      if (thresholdKey !== null) setThresholdError({ key: thresholdKey, message: `${t.thresholdInvalid} ${lines.join(' ')}` });
      else setFailure({ task: 'evaluate', detail: '', lines, consequence: t.workbookUnchanged });
      return;
    }
    setThresholdError(null);
    setFailure(null);
    setEvaluated({ ...evaluated, choices: next, result: outcome.result, categories: engine.categoriesOf(outcome.result.scheme) });
  };

  const onSettingsChange = (_ev: React.SyntheticEvent, change: SettingsChange) => {
    if (!evaluated || !engine) return;
    const choices = evaluated.choices;
    switch (change.kind) {
      case 'scheme':
        return reevaluate({ ...choices, scheme: change.id === evaluated.ownScheme?.id ? evaluated.ownScheme : change.id }, null);
      case 'threshold': {
        const percent = parsePercent(change.text);
        if (percent === null) {
          setThresholdError({ key: change.key, message: t.thresholdInvalid });
          return;
        }
        const edited = withThreshold(evaluated.result.scheme, change.key, percent);
        const preset = engine.presetScheme(baseSchemeId(edited.id));
        return reevaluate({ ...choices, scheme: schemeChoiceFor(edited, preset) }, change.key);
      }
      case 'asOf':
        return reevaluate({ ...choices, asOf: change.asOf }, null);
      case 'notes':
        return reevaluate({ ...choices, notes: change.notes }, null);
      case 'direction':
        return reevaluate(withDirection(choices, change.kpiId, change.direction), null);
    }
  };

  const onWrite = async (acceptLoss: boolean) => {
    if (!evaluated) return;
    clearMessages();
    const res = await run('write', true, (signal, onProgress) =>
      host.write(evaluated.result.plan, { signal, onProgress, charts: host.kind === 'office', acceptLoss }),
    );
    if (res.ok) {
      setWritten({ outcome: res.value, evaluated });
      setPartialWrite(false);
      setFocusRequest((n) => n + 1);
      return;
    }
    // The browser page commits a write as a whole; Excel may have stopped halfway (the backup allows a restore).
    const consequence = host.kind === 'browser' ? t.workbookUnchanged : t.writeMayBePartial;
    if (res.cancelled) setNotice(`${t.cancelled} ${consequence}`);
    else fail('write', res.error, consequence);
    askIfUnsavable('write', res.error);
    if (host.kind !== 'browser') setPartialWrite(true);
  };

  const onRestore = async (acceptLoss: boolean) => {
    clearMessages();
    const res = await run('restore', false, () => host.restore({ acceptLoss }));
    if (res.ok) {
      setRestored(res.value);
      setWritten(null);
      setEvaluated(null);
      setPartialWrite(false);
      setFocusRequest((n) => n + 1);
    } else {
      fail('restore', res.error, host.kind === 'browser' ? t.workbookUnchanged : t.restoreMayBePartial);
      askIfUnsavable('restore', res.error);
    }
  };

  /** A refusal naming parts a save would lose: the pane asks for consent beside the button. */
  const askIfUnsavable = (action: 'write' | 'restore', err: unknown) => {
    const parts = (err as { code?: unknown; unsavable?: UnsavableParts | null } | null)?.unsavable;
    if ((err as { code?: unknown } | null)?.code === 'unsavable-parts' && parts) consent.refused(action, parts);
  };

  const download = host.download?.bind(host);
  const onDownload = download
    ? async () => {
        clearMessages();
        const res = await run('download', false, () => download());
        try {
          if (!res.ok) throw res.error;
          saveFile(res.value.name, res.value.bytes);
        } catch (err) {
          fail('download', err, t.fileUnchanged);
        }
      }
    : undefined;

  const open = host.open?.bind(host);
  const onOpenFile = async (_ev: React.ChangeEvent<HTMLInputElement>, data: { file: File }) => {
    if (!open) return;
    clearMessages();
    const res = await run('open', false, async () => open({ name: data.file.name, bytes: await readFileBytes(data.file) }));
    if (!res.ok) {
      fail('open', res.error, t.fileUnchanged);
      return;
    }
    setFileName(data.file.name);
    consent.opened(res.value);
    setEvaluated(null);
    setWritten(null);
    setRestored(null);
    setPartialWrite(false);
  };

  const selectRange = host.selectRange?.bind(host);
  const onSelectRange: SelectRangeHandler | undefined = selectRange
    ? (_ev, data) => {
        selectRange(data.sheet, data.range).catch((err: unknown) => fail('select', err, t.workbookUnchanged));
      }
    : undefined;

  const presets = useMemo(
    () => (engine ? engine.PRESET_IDS.flatMap((id) => engine.presetScheme(id) ?? []) : []),
    [engine],
  );

  const phase: Phase = restored ? 'restored' : written ? 'result' : evaluated ? 'review' : 'start';
  const isBusy = busy !== null;
  const kpiChart = useKpiChart({ host, t, evaluated, run, busy: isBusy, clearMessages, fail });
  // Writing and restoring in the browser page save through ExcelJS: asked first when parts would be lost.
  const write = () => consent.guard('write', (acceptLoss) => void onWrite(acceptLoss));
  const restore = () => consent.guard('restore', (acceptLoss) => void onRestore(acceptLoss));
  const lost = consent.list;

  return {
    t,
    hostKind: host.kind,
    startupProblem: startupProblem ?? null,
    phase,
    headingRef,
    start: {
      hostKind: host.kind,
      fileName,
      scope,
      disabled: isBusy,
      onOpenFile: (ev, data) => void onOpenFile(ev, data),
      onScopeChange: (_ev, data) => setScope(data.scope),
      onEvaluate: () => void evaluate(evaluated?.choices ?? written?.evaluated.choices ?? null),
    },
    progress: busy && {
      label: PROGRESS[busy.task](t),
      value: busy.total > 0 ? busy.done / busy.total : null,
      step: busy.total > 1 ? t.progressStep(busy.done, busy.total) : null,
      onCancel: busy.cancellable ? cancel : undefined,
    },
    failure,
    notice,
    unsavable:
      lost !== null && (phase === 'start' || phase === 'review') ? { title: t.unsavableTitle, text: t.unsavableWarning(lost) } : null,
    review: phase === 'review' && evaluated ? {
      evaluated,
      presets,
      thresholdError,
      view,
      onViewChange: (_ev, data) => setView(data.view),
      onSettingsChange,
      onSelectRange,
      kpiChart,
      ...writeSection(evaluated, t),
      chartsNote: host.kind === 'office' ? t.chartsInExcel : null,
      canWrite: !isBusy && evaluated.result.results.length > 0,
      overwrite: overwriteOption(evaluated, occupied, t, (checked) => {
        if (checked) setOccupied(occupiedCells(evaluated));
        reevaluate({ ...evaluated.choices, overwrite: checked }, null);
      }),
      writeConsent: consent.consent('write'),
      restoreConsent: consent.consent('restore'),
      onWrite: write,
      onRestore: hasBackup(evaluated.snapshot) || partialWrite ? restore : null,
      restoreText: partialWrite ? t.writeMayBePartial : t.previousRun,
    } : null,
    result: written && {
      outcome: written.outcome,
      result: written.evaluated.result,
      categories: written.evaluated.categories,
      disabled: isBusy,
      notices: lost !== null ? [t.unsavableNotice(lost)] : [],
      onDownload: onDownload && (() => void onDownload()),
      onRestore: restore,
      onBack: () => void evaluate(written.evaluated.choices),
      onSelectRange,
    },
    restored: restored && {
      text: [
        t.restoredMessage(restored.cells),
        ...(restored.sheetsRemoved.length > 0 ? [t.sheetsRemoved(restored.sheetsRemoved.join(t.listSeparator))] : []),
      ].join(' '),
      notice: lost !== null ? t.unsavableNotice(lost) : null,
      onDownload: onDownload && (() => void onDownload()),
    },
  };
}
