/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { fakeHost } from './fakeHost';
import { renderPane } from './renderPane';

describe('task pane first screen', () => {
  it('shows the product name', () => {
    renderPane(fakeHost('office'));
    expect(screen.getByRole('heading', { name: '進捗 Shinchoku', level: 1 })).toBeTruthy();
  });

  it('in Excel: scope choice (this sheet / selection / all sheets, all by default) and 評価する, no file input', () => {
    renderPane(fakeHost('office'));
    const scope = screen.getByRole('radiogroup', { name: '評価する範囲' });
    expect(scope).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'すべてのシート' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: '選択範囲' }) as HTMLInputElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: '評価する' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByLabelText('ブックを開く')).toBeNull();
  });

  it('passes the chosen scope to the host', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    await user.click(screen.getByRole('radio', { name: '選択範囲' }));
    await user.click(screen.getByRole('button', { name: '評価する' }));
    await screen.findByRole('tablist', { name: '評価の確認と設定' });
    expect(host.read.mock.calls[0][0]).toBe('selection');
  });

  it('in the browser page: says so, offers ブックを開く, and 評価する waits for a workbook', async () => {
    const host = fakeHost('browser');
    const { user } = renderPane(host);
    expect(screen.getByText(/Excel の外で開かれています。ブラウザ版として動作します/)).toBeTruthy();
    const input = screen.getByLabelText('ブックを開く') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect((screen.getByRole('radio', { name: '選択範囲' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '評価する' }) as HTMLButtonElement).disabled).toBe(true);

    await user.upload(input, new File(['PK'], 'shinchoku-sample.xlsx'));
    expect(await screen.findByText('開いたブック: shinchoku-sample.xlsx')).toBeTruthy();
    expect((screen.getByRole('button', { name: '評価する' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('speaks English when English was picked', () => {
    renderPane(fakeHost('browser'), { language: 'en' });
    expect(screen.getByText(/^Opened outside Excel\. Running as the browser version\./)).toBeTruthy();
    expect(screen.getByLabelText('Open workbook')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Evaluate' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'What to evaluate' })).toBeTruthy();
  });

  it('shows an Office start-up problem as a warning', () => {
    renderPane(fakeHost('browser'), { startupProblem: 'Office.js has not fully loaded' });
    expect(screen.getByText(/Office の初期化に失敗したため.*Office\.js has not fully loaded/)).toBeTruthy();
  });

  it('renders workbook text as text, never as HTML', async () => {
    const host = fakeHost('office');
    const [sheet] = (await host.read('all-sheets')).workbook.sheets;
    sheet.values[3][0] = '<img src=x onerror="window.__pwned=1">指標';
    const hostile = fakeHost('office', [sheet]);
    const { user } = renderPane(hostile);
    await user.click(screen.getByRole('button', { name: '評価する' }));
    await screen.findByRole('tablist', { name: '評価の確認と設定' });
    expect(screen.getByRole('button', { name: /<img src=x onerror/ })).toBeTruthy();
    expect(document.querySelector('main img[src="x"]')).toBeNull();
  });
});
