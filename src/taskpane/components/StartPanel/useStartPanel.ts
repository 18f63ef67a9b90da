import { useId } from '@fluentui/react-components';
import type * as React from 'react';
import type { ReadScope } from '../../../workbook/port';
import { useMessages } from '../../i18n';
import type { StartPanelProps, StartPanelState } from './StartPanel.types';

export function useStartPanel(props: StartPanelProps): StartPanelState {
  const t = useMessages();
  const fileInputId = useId('open-workbook-');
  const browser = props.hostKind === 'browser';
  return {
    browser,
    fileInputId,
    fileStatus: browser ? (props.fileName !== null ? t.openedFile(props.fileName) : t.noFileYet) : null,
    scope: props.scope,
    disabled: props.disabled,
    canEvaluate: !props.disabled && (!browser || props.fileName !== null),
    onFileChange: (ev: React.ChangeEvent<HTMLInputElement>) => {
      const file = ev.target.files?.[0];
      if (file) props.onOpenFile(ev, { file });
      // Choosing the same file again (after editing it on disk) must fire `change` again.
      ev.target.value = '';
    },
    onScopeChange: (ev, data) => props.onScopeChange(ev, { scope: data.value as ReadScope }),
    onEvaluate: props.onEvaluate,
    text: {
      openWorkbook: t.openWorkbook,
      scopeLabel: t.scopeLabel,
      scopeActive: t.scopeActive,
      scopeSelection: t.scopeSelection,
      scopeAll: t.scopeAll,
      scopeHint: browser ? t.scopeSelectionOnlyInExcel : null,
      evaluate: t.evaluate,
    },
  };
}
