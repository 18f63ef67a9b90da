/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import type { HostSnapshot, ReadScope } from '../../src/workbook/port';
import { fakeHost } from './fakeHost';
import { evaluateInPane, renderPane } from './renderPane';

const officeError = () =>
  Object.assign(new Error('The request payload size has exceeded the limit.'), {
    code: 'RequestPayloadSizeLimitExceeded',
    debugInfo: { errorLocation: 'Range.values' },
  });

describe('error states', () => {
  it('a failed read says what failed, the host’s own words, and that nothing changed; 評価する works again', async () => {
    const host = fakeHost('office');
    host.read.mockRejectedValueOnce(officeError());
    const { user } = renderPane(host);
    await user.click(screen.getByRole('button', { name: '評価する' }));

    expect(await screen.findByText('ブックを読み取れませんでした')).toBeTruthy();
    expect(
      screen.getByText('[RequestPayloadSizeLimitExceeded] The request payload size has exceeded the limit. (Range.values)'),
    ).toBeTruthy();
    expect(screen.getByText('ブックは変更されていません。')).toBeTruthy();
    expect(host.write).not.toHaveBeenCalled();
    expect(screen.queryByRole('heading', { name: '評価の結果（まだ書き込んでいません）' })).toBeNull();

    // A retry succeeds and the error goes away.
    await evaluateInPane(user);
    expect(screen.queryByText('ブックを読み取れませんでした')).toBeNull();
  });

  it('long work shows progress and can be cancelled: the host gets the abort, nothing changed', async () => {
    const host = fakeHost('office');
    let signal: AbortSignal | undefined;
    host.read.mockImplementationOnce(
      (_scope: ReadScope, options?: { signal?: AbortSignal; onProgress?: (d: number, t: number) => void }) =>
        new Promise<HostSnapshot>((_resolve, reject) => {
          signal = options?.signal;
          options?.onProgress?.(1, 4);
          signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    const { user } = renderPane(host);
    await user.click(screen.getByRole('button', { name: '評価する' }));

    const bar = await screen.findByRole('progressbar', { name: 'ブックを読み取っています…' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0.25');
    expect(screen.getByText('1 / 4')).toBeTruthy();
    expect((screen.getByRole('button', { name: '評価する' }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'キャンセル' }));
    expect(signal?.aborted).toBe(true);
    expect(await screen.findByText('キャンセルしました。 ブックは変更されていません。')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect((screen.getByRole('button', { name: '評価する' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('a failed write in Excel says it may have stopped halfway and offers 元に戻す', async () => {
    const host = fakeHost('office');
    host.write.mockRejectedValueOnce(Object.assign(new Error('The sheet is protected.'), { code: 'AccessDenied' }));
    const { user } = renderPane(host);
    await evaluateInPane(user);
    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));

    expect(await screen.findByText('結果を書き込めませんでした')).toBeTruthy();
    expect(screen.getByText('[AccessDenied] The sheet is protected.')).toBeTruthy();
    expect(screen.getAllByText('書き込みが途中で止まった可能性があります。「元に戻す」で評価前の状態に戻せます。').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: '元に戻す' }));
    expect(host.restore).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('heading', { name: '元に戻しました（2 個のセル）。 削除したシート: KPI集計' })).toBeTruthy();
  });

  it('the browser page translates the host’s refusals (a damaged workbook)', async () => {
    const host = fakeHost('browser');
    host.open?.mockRejectedValueOnce(new Error('.xlsx ファイルではありません / not an .xlsx file'));
    const { user } = renderPane(host);
    expect((screen.getByRole('button', { name: '評価する' }) as HTMLButtonElement).disabled).toBe(true);
    await user.upload(screen.getByLabelText('ブックを開く'), new File(['hello'], 'broken.xlsx'));

    expect(await screen.findByText('ブックを開けませんでした')).toBeTruthy();
    expect(screen.getByText('.xlsx ファイルではありません')).toBeTruthy();
    expect(screen.getByText('パソコンにある元のファイルは変更されていません。')).toBeTruthy();
    expect(screen.getByText('評価する .xlsx ファイルを選んでください。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '評価する' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('speaks English when English was picked, errors included', async () => {
    const host = fakeHost('browser');
    host.read.mockRejectedValueOnce(Object.assign(new Error('No workbook is open'), { code: 'no-workbook' }));
    const { user } = renderPane(host, { language: 'en' });
    await user.upload(screen.getByLabelText('Open workbook'), new File(['x'], 'test.xlsx'));
    await waitFor(() => expect(screen.getByText('Workbook: test.xlsx')).toBeTruthy());
    await user.click(screen.getByRole('button', { name: 'Evaluate' }));
    expect(await screen.findByText('Could not read the workbook')).toBeTruthy();
    expect(screen.getByText('No workbook is open yet. Choose a file with “Open workbook”.')).toBeTruthy();
    expect(screen.getByText('The workbook was not changed.')).toBeTruthy();
  });
});
