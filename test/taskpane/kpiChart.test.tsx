/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import type { WriteOutcome } from '../../src/workbook/port';
import { gridFixtures } from '../fixtures/grids';
import { fakeHost } from './fakeHost';
import { evaluateInPane, renderPane } from './renderPane';

const SAKU_KPI = '「佐久市は住みやすい」と回答する人の割合';
const ADD = 'グラフをシートに追加';

type User = Parameters<typeof evaluateInPane>[0];

/** Evaluates, writes (the summary sheet exists from then on), and comes back to the review screen. */
async function writeAndReview(user: User) {
  await evaluateInPane(user);
  await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
  await screen.findByRole('heading', { name: '書き込みました' });
  await user.click(await screen.findByRole('button', { name: '設定を変えて評価し直す' }));
  await screen.findByRole('tablist', { name: '評価の確認と設定' });
}

async function openKpi(user: User, name: string | RegExp) {
  await user.click(screen.getByRole('button', { name: typeof name === 'string' ? new RegExp(name) : name }));
  return screen.findByRole('button', { name: ADD });
}

const added = (outcome: Partial<WriteOutcome> = {}): WriteOutcome => ({
  statusCells: 0,
  summarySheet: 'KPI集計',
  charts: 'added',
  notices: [],
  ...outcome,
});

describe('「グラフをシートに追加」 in a KPI’s details', () => {
  it('sends the KPI’s actual, benchmark and target year to the summary sheet and confirms', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    await writeAndReview(user);
    const button = await openKpi(user, SAKU_KPI);
    expect(button.getAttribute('aria-disabled')).not.toBe('true');
    expect((button as HTMLButtonElement).disabled).toBe(false);

    await user.click(button);
    expect(host.addKpiChart).toHaveBeenCalledTimes(1);
    expect(host.addKpiChart?.mock.calls[0][0]).toEqual({
      sheet: 'KPI集計',
      title: `${SAKU_KPI}（%）`,
      labels: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'],
      actual: [78, 81.4, null, 78.5, 77.4, null],
      benchmark: [78, 78.4, 78.8, 79.2, 79.6, 80],
      forecastPeriods: 1,
    });
    expect(await screen.findByText(`「${SAKU_KPI}」のグラフを「KPI集計」に追加しました`)).toBeTruthy();
    // Nothing was written besides the chart: no second write, no error.
    expect(host.write).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('グラフを追加できませんでした')).toBeNull();
  });

  it('shows the host’s notices in the pane’s language with the confirmation (English too)', async () => {
    const host = fakeHost('office');
    host.addKpiChart?.mockResolvedValueOnce(
      added({ notices: ['この Excel では近似直線を引けません（ExcelApi 1.7 が必要） / Trendlines need ExcelApi 1.7'] }),
    );
    const { user } = renderPane(host, { language: 'en' });
    await user.click(screen.getByRole('button', { name: 'Evaluate' }));
    await user.click(await screen.findByRole('button', { name: 'Write results' }));
    await user.click(await screen.findByRole('button', { name: 'Change settings and evaluate again' }));
    await screen.findByRole('tablist');
    await user.click(screen.getByRole('button', { name: new RegExp(SAKU_KPI) }));
    await user.click(await screen.findByRole('button', { name: 'Add chart to sheet' }));

    expect(host.addKpiChart?.mock.calls[0][0].title).toBe(`${SAKU_KPI} (%)`);
    expect(await screen.findByText(`Added the chart of “${SAKU_KPI}” to “KPI集計”`)).toBeTruthy();
    expect(screen.getByText('Trendlines need ExcelApi 1.7')).toBeTruthy();
    expect(screen.queryByText(/近似直線/)).toBeNull();
  });

  it('an Excel without charts: the host’s notice as a warning, no confirmation', async () => {
    const host = fakeHost('office');
    host.addKpiChart?.mockResolvedValueOnce(
      added({ charts: 'unsupported', notices: ['この Excel ではグラフを作れません（ExcelApi 1.1 が必要） / Charts need ExcelApi 1.1'] }),
    );
    const { user } = renderPane(host);
    await writeAndReview(user);
    await user.click(await openKpi(user, SAKU_KPI));
    expect(await screen.findByText('この Excel ではグラフを作れません（ExcelApi 1.1 が必要）')).toBeTruthy();
    expect(screen.queryByText(/のグラフを「KPI集計」に追加しました/)).toBeNull();
  });

  it('a failure shows what failed, Excel’s words and what was left unchanged; the button works again', async () => {
    const host = fakeHost('office');
    host.addKpiChart?.mockRejectedValueOnce(Object.assign(new Error('The sheet is protected.'), { code: 'AccessDenied' }));
    const { user } = renderPane(host);
    await writeAndReview(user);
    const button = await openKpi(user, SAKU_KPI);
    await user.click(button);

    expect(await screen.findByText('グラフを追加できませんでした')).toBeTruthy();
    expect(screen.getByText('[AccessDenied] The sheet is protected.')).toBeTruthy();
    expect(screen.getByText('指標の表・進捗区分・集計表は変更されていません。')).toBeTruthy();
    expect(screen.queryByText(/に追加しました/)).toBeNull();

    await user.click(screen.getByRole('button', { name: ADD }));
    expect(await screen.findByText(`「${SAKU_KPI}」のグラフを「KPI集計」に追加しました`)).toBeTruthy();
    expect(screen.queryByText('グラフを追加できませんでした')).toBeNull();
  });

  it('waits while a chart is being added: progress shown, this and the other host buttons disabled', async () => {
    const host = fakeHost('office');
    let finish: (outcome: WriteOutcome) => void = () => undefined;
    host.addKpiChart?.mockImplementationOnce(() => new Promise<WriteOutcome>((resolve) => (finish = resolve)));
    const { user } = renderPane(host);
    await writeAndReview(user);
    await user.click(await openKpi(user, SAKU_KPI));

    expect(await screen.findByRole('progressbar', { name: 'グラフを追加しています…' })).toBeTruthy();
    expect((screen.getByRole('button', { name: ADD }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '結果を書き込む' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '評価する' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: ADD }));
    expect(host.addKpiChart).toHaveBeenCalledTimes(1);

    finish(added());
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect((screen.getByRole('button', { name: ADD }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('before the first write there is no summary sheet: the button says so and sends nothing', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    await evaluateInPane(user);
    const button = await openKpi(user, SAKU_KPI);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const why = '集計シート「KPI集計」がまだありません。結果を書き込むと、ここからグラフを追加できます。';
    expect(screen.getByText(why)).toBeTruthy();
    expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toBe(why);
    await user.click(button);
    expect(host.addKpiChart).not.toHaveBeenCalled();
  });

  it('a KPI without actual values cannot be charted: the button says why', async () => {
    const host = fakeHost('office', structuredClone(gridFixtures['komoro-gakuryoku'].sheets));
    const { user } = renderPane(host);
    await evaluateInPane(user);
    const button = await openKpi(user, /全国学力状況調査.*（小）/);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const panel = button.closest('section') as HTMLElement;
    expect(within(panel).getByText('実績値がないためグラフを作れません')).toBeTruthy();
    await user.click(button);
    expect(host.addKpiChart).not.toHaveBeenCalled();
  });

  it('is not offered when the host cannot add charts: the browser page, or an Excel host without addKpiChart', async () => {
    const browser = fakeHost('browser');
    const first = renderPane(browser);
    await first.user.upload(screen.getByLabelText('ブックを開く'), new File(['x'], 'test.xlsx'));
    await evaluateInPane(first.user);
    await first.user.click(screen.getByRole('button', { name: new RegExp(SAKU_KPI) }));
    expect(await screen.findByRole('table', { name: '年度ごとの判定' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: ADD })).toBeNull();
    first.unmount();

    const office = fakeHost('office', undefined, { charts: false });
    expect(office.addKpiChart).toBeUndefined();
    const second = renderPane(office);
    await evaluateInPane(second.user);
    await second.user.click(screen.getByRole('button', { name: new RegExp(SAKU_KPI) }));
    expect(await screen.findByRole('button', { name: 'シートで表示' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: ADD })).toBeNull();
  });
});
