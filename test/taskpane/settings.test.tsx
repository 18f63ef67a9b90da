/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { fakeHost } from './fakeHost';
import { evaluateInPane, renderPane } from './renderPane';

const SAKU_KPI = '「佐久市は住みやすい」と回答する人の割合';

async function openSettings(user: Parameters<typeof evaluateInPane>[0]) {
  await evaluateInPane(user);
  await user.click(screen.getByRole('tab', { name: '評価方式' }));
  return screen.getByRole('tabpanel');
}

function storedSettings(host: ReturnType<typeof fakeHost>): Record<string, unknown> {
  const plan = host.write.mock.calls.at(-1)?.[0];
  if (!plan) throw new Error('nothing written');
  return JSON.parse(plan.settings.json) as Record<string, unknown>;
}

describe('settings screen', () => {
  it('shows the scheme in use with its legend and its thresholds (saku: 100% and 80%)', async () => {
    const { user } = renderPane(fakeHost('office'));
    const panel = await openSettings(user);
    const scheme = within(panel).getByRole('combobox', { name: '評価方式' }) as HTMLSelectElement;
    expect(scheme.selectedOptions[0].textContent).toBe('佐久市方式（目安値比）');
    const legend = within(panel).getByRole('region', { name: '区分と意味' });
    expect(legend.textContent).toContain('順調実績値が目安値以上');
    expect(legend.textContent).toContain('努力を要する実績値が目安値の80%未満');
    expect((within(panel).getByRole('textbox', { name: '「順調」の下限' }) as HTMLInputElement).value).toBe('100');
    expect((within(panel).getByRole('textbox', { name: '「概ね順調」の下限' }) as HTMLInputElement).value).toBe('80');
  });

  it('changing the scheme re-evaluates without reading the workbook again, and the choice is written', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    const panel = await openSettings(user);
    await user.selectOptions(within(panel).getByRole('combobox', { name: '評価方式' }), 'A〜D評価（目安値比）');
    expect(within(panel).getByRole('textbox', { name: '「C」の下限' })).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: '確認' }));
    const header = screen.getByRole('button', { name: new RegExp(SAKU_KPI) });
    expect(header.textContent).toMatch(/R5B$/);
    expect(host.read).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    await screen.findByRole('heading', { name: '書き込みました' });
    expect(storedSettings(host).scheme).toBe('abcd');
    expect(host.write.mock.calls[0][0].statusWrites.map((w) => `${w.cell}=${w.value}`)).toEqual(['D6=A', 'E6=−', 'F6=B', 'G6=B']);
  });

  it('an edited threshold re-judges the years; a threshold the engine refuses stays in its field with why', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    const panel = await openSettings(user);
    const fair = within(panel).getByRole('textbox', { name: '「概ね順調」の下限' });
    await user.clear(fair);
    await user.type(fair, '99.5{Enter}');

    await user.click(screen.getByRole('tab', { name: '確認' }));
    // R4 was 99.1% of its benchmark: 概ね順調 at 80%, 努力を要する at 99.5%.
    await user.click(screen.getByRole('button', { name: new RegExp(SAKU_KPI) }));
    const rows = within(screen.getByRole('table', { name: '年度ごとの判定' })).getAllByRole('row');
    expect(rows[3].textContent).toBe('R478.579.2努力を要する');

    await user.click(screen.getByRole('tab', { name: '評価方式' }));
    const good = screen.getByRole('textbox', { name: '「順調」の下限' });
    await user.clear(good);
    await user.type(good, '90{Enter}'); // below 概ね順調's 99.5: refused
    expect(screen.getByText(/0 より大きく、上の区分より小さい数にしてください/)).toBeTruthy();
    expect((good as HTMLInputElement).value).toBe('90');
    await user.clear(good);
    await user.type(good, 'abc');
    await user.tab();
    expect(screen.getByText('0 より大きく、上の区分より小さい数にしてください。')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    await screen.findByRole('heading', { name: '書き込みました' });
    const stored = storedSettings(host).scheme as { id: string; thresholds: { good: number; fair: number }; name: { ja: string } };
    expect(stored.id).toBe('saku-custom');
    expect(stored.thresholds).toEqual({ good: 1, fair: 0.995 });
    expect(stored.name.ja).toBe('佐久市方式（目安値比）（閾値を変更）');
  });

  it('a per-KPI direction override re-evaluates that KPI and is saved in the workbook', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    const panel = await openSettings(user);
    const direction = within(panel).getByRole('combobox', { name: '要介護認定率' }) as HTMLSelectElement;
    expect(direction.value).toBe('auto');
    await user.selectOptions(direction, '増加を目指す');

    await user.click(screen.getByRole('tab', { name: '確認' }));
    await user.click(screen.getByRole('button', { name: /要介護認定率/ }));
    expect(await screen.findByText('増加を目指す')).toBeTruthy();
    expect(screen.queryByText('減少を目指す')).toBeNull();

    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    await screen.findByRole('heading', { name: '書き込みました' });
    expect(storedSettings(host).directionOverrides).toEqual({ '施策3-3!A14:H19': 'up' });
  });

  it('the evaluation year limits the judged years', async () => {
    const { user } = renderPane(fakeHost('office'));
    const panel = await openSettings(user);
    const year = within(panel).getByRole('combobox', { name: '評価年度' });
    expect((year as HTMLSelectElement).selectedOptions[0].textContent).toBe('自動（各指標の最新年度）');
    await user.selectOptions(year, 'R2（2020年度）');
    await user.click(screen.getByRole('tab', { name: '確認' }));
    expect(screen.getByRole('button', { name: new RegExp(SAKU_KPI) }).textContent).toMatch(/R2順調$/);
  });

  it('a scheme stored in the workbook is used, shown by its name, and stays selectable after trying a preset', async () => {
    const own = {
      kind: 'bands',
      id: 'mycity',
      name: { ja: '○○市方式', en: 'Our city' },
      basis: 'ratio-to-benchmark',
      bands: [
        { label: '達成', min: 1, fill: '#009E73', font: '#000000', meaning: { ja: '目安値以上', en: 'At or above' } },
        { label: '未達', min: null, fill: '#E69F00', font: '#000000', meaning: { ja: '目安値未満', en: 'Below' } },
      ],
      missingLabel: '−',
    };
    const host = fakeHost('office', undefined, { settingsText: JSON.stringify({ version: 1, scheme: own }) });
    const { user } = renderPane(host);
    const panel = await openSettings(user);
    const scheme = within(panel).getByRole('combobox', { name: '評価方式' }) as HTMLSelectElement;
    expect(scheme.selectedOptions[0].textContent).toBe('○○市方式');
    await user.selectOptions(scheme, '佐久市方式（目安値比）');
    await user.selectOptions(scheme, '○○市方式');
    expect(screen.queryByText('評価できませんでした')).toBeNull();
    await user.click(screen.getByRole('tab', { name: '確認' }));
    expect(screen.getByRole('button', { name: new RegExp(SAKU_KPI) }).textContent).toMatch(/R5未達$/);
  });
});
