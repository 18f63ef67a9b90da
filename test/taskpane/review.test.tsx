/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { fakeHost } from './fakeHost';
import { evaluateInPane, renderPane } from './renderPane';

const SAKU_KPI = '「佐久市は住みやすい」と回答する人の割合';

describe('review screen', () => {
  it('reads all sheets by default and lists the tables and KPIs found, with the latest category as text', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    await evaluateInPane(user);

    expect(host.read).toHaveBeenCalledTimes(1);
    expect(host.read.mock.calls[0][0]).toBe('all-sheets');
    expect(screen.getByText('3 個の表から 4 件の指標を見つけました。')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'シート「基本目標1」 A3:I6' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'シート「施策3-3」 A14:H19' })).toBeTruthy();
    // The KPI's header: its name, its group, and the latest year's category as a badge with text.
    const header = screen.getByRole('button', { name: new RegExp(SAKU_KPI) });
    expect(header.textContent).toContain('R5');
    expect(header.textContent).toContain('概ね順調');
    expect(screen.getByRole('button', { name: /要介護認定率/ })).toBeTruthy();
  });

  it('shows a KPI’s direction and why, benchmark source, category per year, chart and trend', async () => {
    const { user } = renderPane(fakeHost('browser'));
    await user.upload(screen.getByLabelText('ブックを開く'), new File(['x'], 'test.xlsx'));
    await evaluateInPane(user);
    await user.click(screen.getByRole('button', { name: new RegExp(SAKU_KPI) }));

    expect(await screen.findByText('増加を目指す')).toBeTruthy();
    expect(screen.getByText('目標値 80.0 が基準値 78.0 より大きいため上昇を目指す指標')).toBeTruthy();
    expect(screen.getByText('シートの値')).toBeTruthy();

    const table = screen.getByRole('table', { name: '年度ごとの判定' });
    const rows = within(table).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual([
      '年度実績値目安値進捗区分',
      'R281.478.4順調',
      'R3—78.8実績値なし',
      'R478.579.2概ね順調',
      'R577.479.6概ね順調',
      'R6—80対象外',
    ]);
    expect(screen.getByText('R4: 実績 78.5 / 目安 79.2 = 99.1% ≥ 80% → 概ね順調')).toBeTruthy();

    const chart = screen.getByRole('img', { name: `${SAKU_KPI} の推移（実績値・目安値・傾向線）` });
    expect(chart.querySelector('desc')?.textContent).toContain('実績値: R1 78、R2 81.4、R4 78.5、R5 77.4');
    expect(screen.getByText(/1 年あたり −0.41、R6 の見込み 77.6%、未達見込み/)).toBeTruthy();
    expect(screen.getByText(/\[参考（決定係数 R² = 0.18（0.5未満））\]/)).toBeTruthy();

    // The audit: the sheet's own categories that differ from the computed ones, with the numbers.
    expect(screen.getByText('基本目標1!F6: シートは「努力を要する」、計算では「概ね順調」')).toBeTruthy();
  });

  it('lists every problem with its cell, in the pane’s language only', async () => {
    const { user } = renderPane(fakeHost('office'));
    await evaluateInPane(user);
    expect(screen.getByText('確認が必要な箇所: 1 件')).toBeTruthy();
    const list = screen.getByRole('list', { name: '確認が必要な箇所' });
    expect(within(list).getByRole('button', { name: '基本目標1!E5' })).toBeTruthy();
    expect(within(list).getByText('数値として読めません「調べ中?」')).toBeTruthy();
    expect(list.textContent).not.toContain('Could not read');
  });

  it('in Excel, opening a KPI selects its cells, and a problem’s cell selects that cell', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    await evaluateInPane(user);

    await user.click(screen.getByRole('button', { name: new RegExp(SAKU_KPI) }));
    expect(host.selectRange).toHaveBeenCalledWith('基本目標1', 'A4:I6');
    // Closing it again does not move the selection.
    await user.click(screen.getByRole('button', { name: new RegExp(SAKU_KPI) }));
    expect(host.selectRange).toHaveBeenCalledTimes(1);

    const list = screen.getByRole('list', { name: '確認が必要な箇所' });
    await user.click(within(list).getByRole('button', { name: '基本目標1!E5' }));
    expect(host.selectRange).toHaveBeenLastCalledWith('基本目標1', 'E5');
  });

  it('is usable by keyboard alone: Tab to 評価する, Enter, then open a KPI with the keyboard', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    const evaluate = screen.getByRole('button', { name: '評価する' });
    for (let i = 0; i < 10 && document.activeElement !== evaluate; i++) await user.tab();
    expect(document.activeElement).toBe(evaluate);
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { name: '評価の結果（まだ書き込んでいません）' });
    // Focus moves to the new step's heading.
    expect(document.activeElement).toBe(heading);
    const kpi = screen.getByRole('button', { name: /要介護認定率/ });
    kpi.focus();
    await user.keyboard('{Enter}');
    expect(kpi.getAttribute('aria-expanded')).toBe('true');
    expect(host.selectRange).toHaveBeenCalledWith('施策3-3', 'A14:H19');
    expect(await screen.findByText('減少を目指す')).toBeTruthy();
  });

  it('in the browser page there is no selection: no "show in sheet" and problem cells are plain text', async () => {
    const { user } = renderPane(fakeHost('browser'));
    await user.upload(screen.getByLabelText('ブックを開く'), new File(['x'], 'test.xlsx'));
    await evaluateInPane(user);
    await user.click(screen.getByRole('button', { name: new RegExp(SAKU_KPI) }));
    expect(screen.queryByRole('button', { name: 'シートで表示' })).toBeNull();
    const list = screen.getByRole('list', { name: '確認が必要な箇所' });
    expect(within(list).queryByRole('button')).toBeNull();
    expect(within(list).getByText('基本目標1!E5')).toBeTruthy();
  });
});
