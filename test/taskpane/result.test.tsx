/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { fakeHost } from './fakeHost';
import { evaluateInPane, renderPane } from './renderPane';

async function writeResults(user: Parameters<typeof evaluateInPane>[0]) {
  await evaluateInPane(user);
  await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
  const heading = await screen.findByRole('heading', { name: '書き込みました' });
  await screen.findByRole('region', { name: '区分ごとの件数' }); // the result panel is a lazily loaded chunk
  return heading;
}

describe('result screen', () => {
  it('says what changed, counts per category, and lists the audit’s disagreements with their numbers', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    const heading = await writeResults(user);
    expect(document.activeElement).toBe(heading);

    expect(host.write).toHaveBeenCalledTimes(1);
    expect(host.write.mock.calls[0][1]?.charts).toBe(true);
    expect(screen.getByText(/2 個のセルに進捗区分を書き込み、集計シート「KPI集計」を更新しました。 集計シートにグラフを追加しました。/)).toBeTruthy();

    const counts = within(screen.getByRole('region', { name: '区分ごとの件数' }));
    const [byCategory, byGroup] = counts.getAllByRole('list');
    expect(within(byCategory).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '順調0',
      '概ね順調4',
      '努力を要する0',
      '未公表0',
      '実績値なし0',
    ]);
    expect(counts.getByText('合計 4 件')).toBeTruthy();
    expect(within(byGroup).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['基本目標１: 概ね順調 1', '施策3-3: 概ね順調 3']);

    expect(screen.getByRole('heading', { name: 'シートにあった区分と計算結果が違うセル: 2 個' })).toBeTruthy();
    expect(screen.getByText('基本目標1!F6: シートは「努力を要する」、計算では「概ね順調」')).toBeTruthy();
    expect(screen.getByText('実績 78.5 / 目安 79.2 = 99.1% ≥ 80% → 概ね順調')).toBeTruthy();
    // Excel has no download: the workbook is already changed in place.
    expect(screen.queryByRole('button', { name: 'ダウンロード' })).toBeNull();
  });

  it('元に戻す calls the host’s restore and says what was put back', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    await writeResults(user);
    await user.click(screen.getByRole('button', { name: '元に戻す' }));
    expect(host.restore).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('heading', { name: '元に戻しました（2 個のセル）。 削除したシート: KPI集計' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '書き込みました' })).toBeNull();
  });

  it('in the browser page, ダウンロード hands the evaluated workbook to the user', async () => {
    const host = fakeHost('browser');
    const saveFile = jest.fn();
    const { user } = renderPane(host, { saveFile });
    await user.upload(screen.getByLabelText('ブックを開く'), new File(['PK'], 'test.xlsx'));
    expect(host.open).toHaveBeenCalledWith({ name: 'test.xlsx', bytes: expect.any(ArrayBuffer) });
    await writeResults(user);
    expect(host.write.mock.calls[0][1]?.charts).toBe(false);

    await user.click(screen.getByRole('button', { name: 'ダウンロード' }));
    expect(host.download).toHaveBeenCalledTimes(1);
    expect(saveFile).toHaveBeenCalledWith('test.evaluated.xlsx', new Uint8Array([80, 75, 3, 4]));
  });

  it('evaluating again after writing reads the workbook again and keeps the choices', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    await evaluateInPane(user);
    await user.click(screen.getByRole('tab', { name: '評価方式' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '評価方式' }), 'A〜D評価（目安値比）');
    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    await screen.findByRole('heading', { name: '書き込みました' });

    await user.click(screen.getByRole('button', { name: '設定を変えて評価し直す' }));
    await screen.findByRole('tablist', { name: '評価の確認と設定' });
    expect(host.read).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: /佐久市は住みやすい/ }).textContent).toMatch(/R5B$/);
    // What the first write stored (backup) is what the second run sees: nothing left to write.
    expect(screen.getByText(/^0 個のセルに進捗区分を書き込み/)).toBeTruthy();
    expect(screen.getByText(/このブックには前回の評価の書き込みとバックアップがあります/)).toBeTruthy();
  });
});
