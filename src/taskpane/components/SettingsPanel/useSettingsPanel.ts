import { useCallback, useMemo, useState } from 'react';
import type * as React from 'react';
import type { Scheme } from '../../../domain/evaluate';
import type { Direction } from '../../../domain/kpi';
import { baseSchemeId, thresholdFields } from '../../flow/scheme';
import type { Messages } from '../../i18n';
import { useMessages } from '../../i18n';
import { directionText } from '../KpiDetails';
import type { SettingsPanelProps, SettingsPanelState, SettingsThreshold } from './SettingsPanel.types';

const AUTO = 'auto';

function basisText(scheme: Scheme, t: Messages): string {
  if (scheme.kind === 'saku') return t.basisSaku;
  if (scheme.kind === 'iwamizawa') return t.basisIwamizawa;
  switch (scheme.basis) {
    case 'ratio-to-benchmark':
      return t.basisRatioToBenchmark;
    case 'ratio-to-target':
      return t.basisRatioToTarget;
    case 'progress-from-baseline':
      return t.basisProgress;
    default:
      return t.basisChange;
  }
}

export function useSettingsPanel(props: SettingsPanelProps): SettingsPanelState {
  const t = useMessages();
  const lang = t.language;
  const { result, choices, presets, ownScheme, categories, thresholdError, onChange } = props;
  const scheme = result.scheme;

  // An edited preset (`saku-custom`) shows as its preset; the workbook's own scheme as itself.
  const schemeValue =
    scheme.id !== ownScheme?.id && presets.some((p) => p.id === baseSchemeId(scheme.id)) ? baseSchemeId(scheme.id) : scheme.id;
  const schemeOptions = useMemo(() => {
    const options = presets.map((p) => ({ value: p.id, label: p.name[lang] }));
    if (ownScheme) options.unshift({ value: ownScheme.id, label: ownScheme.name[lang] });
    if (!options.some((o) => o.value === schemeValue)) options.unshift({ value: schemeValue, label: scheme.name[lang] });
    return options;
  }, [presets, ownScheme, schemeValue, scheme, lang]);

  // What the user typed, per threshold, until the engine accepts it (then the scheme's value is shown).
  // A draft belongs to the value it was typed over: once the engine accepts a new value, the draft is dropped.
  const [drafts, setDrafts] = useState<Record<string, { text: string; over: string }>>({});
  const fields = useMemo(() => thresholdFields(scheme), [scheme]);
  const commit = useCallback(
    (ev: React.SyntheticEvent, key: string, text: string) => {
      onChange(ev, { kind: 'threshold', key, text });
    },
    [onChange],
  );
  const thresholds: SettingsThreshold[] = fields.map((f) => {
    const shown = String(f.percent);
    const typed = drafts[f.key];
    const draft = typed && typed.over === shown ? typed.text : shown;
    const error = thresholdError && thresholdError.key === f.key ? thresholdError.message : null;
    const send = (ev: React.SyntheticEvent) => {
      if (draft !== shown || error !== null) commit(ev, f.key, draft);
    };
    return {
      ...f,
      fieldLabel: f.label !== null ? t.thresholdFor(f.label) : t.toleranceLabel,
      draft,
      error,
      onDraftChange: (_ev, data) => setDrafts((d) => ({ ...d, [f.key]: { text: data.value, over: shown } })),
      onCommit: send,
      onKeyDown: (ev) => {
        if (ev.key === 'Enter') send(ev);
      },
    };
  });

  const asOfOptions = useMemo(() => {
    const labels = new Map<number, string>();
    for (const k of result.results) for (const y of k.years) if (y.fiscalYear !== null && !labels.has(y.fiscalYear)) labels.set(y.fiscalYear, y.label);
    if (choices.asOf !== null && !labels.has(choices.asOf)) labels.set(choices.asOf, String(choices.asOf));
    return [
      { value: AUTO, label: t.asOfAuto },
      ...[...labels.entries()].sort((a, b) => a[0] - b[0]).map(([fy, label]) => ({ value: String(fy), label: t.asOfOption(label, fy) })),
    ];
  }, [result, choices.asOf, t]);

  const directionOptions = useMemo(
    () => [
      { value: AUTO, label: t.directionAuto },
      ...(['up', 'down', 'maintain'] as const).map((d) => ({ value: d, label: directionText(d, t) })),
    ],
    [t],
  );

  return {
    schemeOptions,
    schemeValue,
    basisText: basisText(scheme, t),
    legend: categories.map((c) => ({ label: c.label, style: c, meaning: c.meaning[lang] })),
    thresholds,
    asOfOptions,
    asOfValue: choices.asOf === null ? AUTO : String(choices.asOf),
    notes: choices.notes,
    directions: result.results.map((k) => ({ id: k.id, name: k.name, value: choices.directionOverrides[k.id] ?? AUTO })),
    directionOptions,
    onSchemeChange: (ev, data) => {
      setDrafts({});
      onChange(ev, { kind: 'scheme', id: data.value });
    },
    onAsOfChange: (ev, data) => onChange(ev, { kind: 'asOf', asOf: data.value === AUTO ? null : Number(data.value) }),
    onNotesChange: (ev, data) => onChange(ev, { kind: 'notes', notes: data.checked }),
    onDirectionChange: (kpiId) => (ev, data) =>
      onChange(ev, { kind: 'direction', kpiId, direction: data.value === AUTO ? null : (data.value as Direction) }),
    text: {
      schemeLabel: t.schemeLabel,
      legendLabel: t.legendLabel,
      thresholdsLabel: t.thresholdsLabel,
      thresholdsNone: t.thresholdsNone,
      asOfLabel: t.asOfLabel,
      notesLabel: t.notesLabel,
      directionsHeading: t.directionsHeading,
      settingsSaved: t.settingsSaved,
    },
  };
}
