import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/components/App';
import { MessagesContext, catalogues, type Language } from '../../src/taskpane/i18n';
import type { WorkbookHost } from '../../src/workbook/port';

export function renderPane(
  host: WorkbookHost,
  options: { language?: Language; startupProblem?: string; saveFile?: (name: string, bytes: Uint8Array) => void } = {},
) {
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <MessagesContext.Provider value={catalogues[options.language ?? 'ja']}>
        <App host={host} startupProblem={options.startupProblem} saveFile={options.saveFile} />
      </MessagesContext.Provider>
    </FluentProvider>,
  );
  return { user, ...view };
}

/** Clicks 評価する and waits for the review step (its panels are a lazily loaded chunk). */
export async function evaluateInPane(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: '評価する' }));
  const heading = await screen.findByRole('heading', { name: '評価の結果（まだ書き込んでいません）' });
  await screen.findByRole('tablist', { name: '評価の確認と設定' });
  return heading;
}
