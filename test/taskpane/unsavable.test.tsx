/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { BrowserHostError } from '../../src/workbook/browser/browserHost';
import { fakeHost } from './fakeHost';
import { evaluateInPane, renderPane } from './renderPane';

/** What the browser host's `open` says of the workbook from test/helpers/unkeptWorkbook.ts (see browserHost.test.ts). */
const unsavable = {
  ja: 'グラフ 1（基本目標1）、ピボットテーブル 1（基本目標1）、図形・テキストボックス 1（基本目標1）',
  en: 'charts 1 (基本目標1), pivot tables 1 (基本目標1), shapes / text boxes 1 (基本目標1)',
};
const WARNING = 'ブラウザ版では保存できないものがあります';
const CONSENT = '失われることを理解して書き込む';
const NOTICE = `ダウンロードするブックには ${unsavable.ja} が含まれません（ブラウザ版では保存できないため）。元のファイルには残っています。`;

type User = ReturnType<typeof renderPane>['user'];

async function openFile(user: User, name = 'charts.xlsx', label = 'ブックを開く') {
  await user.upload(screen.getByLabelText(label), new File(['PK'], name));
}

async function toResult() {
  await screen.findByRole('heading', { name: '書き込みました' });
  await screen.findByRole('region', { name: '区分ごとの件数' }); // the result panel is a lazily loaded chunk
}

/** Evaluate and write: the write goes through at once, with no question, no consent and no notice. */
async function writesWithoutAsking(user: User, host: ReturnType<typeof fakeHost>) {
  await evaluateInPane(user);
  await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
  await toResult();
  expect(screen.queryByRole('checkbox', { name: CONSENT })).toBeNull();
  expect(host.write.mock.calls[0][1]?.acceptLoss).toBe(false);
  expect(screen.queryByText(/ブラウザ版では保存できない|ダウンロードするブックには/)).toBeNull();
}

describe('browser page: parts of the workbook it cannot save (charts, pivot tables, …)', () => {
  it('warns right after opening, naming them, before anything is evaluated or written', async () => {
    const host = fakeHost('browser', undefined, { unsavable });
    const { user } = renderPane(host);
    expect(screen.queryByRole('group', { name: WARNING })).toBeNull();
    await openFile(user);

    const warning = await screen.findByRole('group', { name: WARNING });
    expect(warning.textContent).toContain(
      'このブックの グラフ 1（基本目標1）、ピボットテーブル 1（基本目標1）、図形・テキストボックス 1（基本目標1） はブラウザ版では保存できません。' +
        '結果を書き込んで（または元に戻して）ダウンロードしたブックには含まれません（元のファイルはそのままです）。' +
        'すべて残すには Excel のアドインを使ってください。',
    );
    expect(host.read).not.toHaveBeenCalled();

    // Still there while reviewing, where 結果を書き込む is.
    await evaluateInPane(user);
    expect(screen.getByRole('group', { name: WARNING })).toBeTruthy();
  });

  it('writes only once the user ticks 「失われることを理解して書き込む」; the result states what the download lacks', async () => {
    const host = fakeHost('browser', undefined, { unsavable });
    const { user } = renderPane(host);
    await openFile(user);
    await evaluateInPane(user);
    expect(screen.queryByRole('checkbox', { name: CONSENT })).toBeNull(); // asked when it matters, not before

    const write = screen.getByRole('button', { name: '結果を書き込む' });
    expect((write as HTMLButtonElement).disabled).toBe(false);
    await user.click(write);
    const consent = await screen.findByRole('checkbox', { name: CONSENT });
    expect(document.activeElement).toBe(consent);
    expect(consent.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(consent.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      `ダウンロードするブックには ${unsavable.ja} が含まれません（元のファイルはそのままです）。確かめてチェックを入れ、もう一度「結果を書き込む」を押してください。`,
    );
    expect(host.write).not.toHaveBeenCalled();

    // Pressing again without the tick still writes nothing, and brings the user back to the question.
    await user.click(write);
    expect(host.write).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(consent);

    await user.click(consent);
    await user.click(write);
    await toResult();
    expect(host.write).toHaveBeenCalledTimes(1);
    expect(host.write.mock.calls[0][1]?.acceptLoss).toBe(true);
    expect(screen.getByText(NOTICE)).toBeTruthy();
    expect(screen.queryByRole('group', { name: WARNING })).toBeNull(); // said in the result instead

    // Agreed once for this file: 元に戻す does not ask again, and the restored screen says the same.
    await user.click(screen.getByRole('button', { name: '元に戻す' }));
    expect(await screen.findByRole('heading', { name: /^元に戻しました/ })).toBeTruthy();
    expect(host.restore).toHaveBeenCalledWith({ acceptLoss: true });
    expect(screen.getByText(NOTICE)).toBeTruthy();
  });

  it('unticking takes the consent back', async () => {
    const host = fakeHost('browser', undefined, { unsavable });
    const { user } = renderPane(host);
    await openFile(user);
    await evaluateInPane(user);
    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    const consent = await screen.findByRole('checkbox', { name: CONSENT });
    await user.click(consent);
    await user.click(consent);
    expect((consent as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    expect(host.write).not.toHaveBeenCalled();
  });

  it('元に戻す of an earlier run asks the same before restoring', async () => {
    const host = fakeHost('browser', undefined, { unsavable });
    const first = await host.read('all-sheets');
    host.read.mockClear();
    host.read.mockResolvedValueOnce({ ...first, backupCells: [['header'], ['row']] });
    const { user } = renderPane(host);
    await openFile(user);
    await evaluateInPane(user);

    await user.click(screen.getByRole('button', { name: '元に戻す' }));
    const consent = await screen.findByRole('checkbox', { name: '失われることを理解して元に戻す' });
    expect(document.activeElement).toBe(consent);
    expect(host.restore).not.toHaveBeenCalled();
    await user.click(consent);
    await user.click(screen.getByRole('button', { name: '元に戻す' }));
    expect(await screen.findByRole('heading', { name: /^元に戻しました/ })).toBeTruthy();
    expect(host.restore).toHaveBeenCalledWith({ acceptLoss: true });
  });

  it('opening another file asks again; a file with nothing to lose shows nothing and asks nothing', async () => {
    const host = fakeHost('browser', undefined, { unsavable });
    const { user } = renderPane(host);
    await openFile(user);
    await evaluateInPane(user);
    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    await user.click(await screen.findByRole('checkbox', { name: CONSENT }));
    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    await toResult();

    host.open?.mockResolvedValueOnce({ unsavable: null });
    await openFile(user, 'plain.xlsx');
    await screen.findByText('開いたブック: plain.xlsx');
    expect(screen.queryByRole('group', { name: WARNING })).toBeNull();
    await evaluateInPane(user);
    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    await toResult();
    expect(host.write.mock.calls[1][1]?.acceptLoss).toBe(false);
    expect(screen.queryByText(NOTICE)).toBeNull();

    await openFile(user, 'charts-again.xlsx');
    await screen.findByRole('group', { name: WARNING });
    await evaluateInPane(user);
    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    expect(await screen.findByRole('checkbox', { name: CONSENT })).toBeTruthy();
    expect(host.write).toHaveBeenCalledTimes(2);
  });

  it('the plain sample: no warning, no question, no notice', async () => {
    const host = fakeHost('browser');
    const { user } = renderPane(host);
    await openFile(user, 'shinchoku-sample.xlsx');
    await screen.findByText('開いたブック: shinchoku-sample.xlsx');
    expect(screen.queryByRole('group', { name: WARNING })).toBeNull();
    await writesWithoutAsking(user, host);
  });

  it('in Excel nothing of this shows: the add-in keeps everything', async () => {
    const host = fakeHost('office');
    const { user } = renderPane(host);
    await writesWithoutAsking(user, host);
  });

  it('speaks English when English was picked', async () => {
    const host = fakeHost('browser', undefined, { unsavable });
    const { user } = renderPane(host, { language: 'en' });
    await openFile(user, 'charts.xlsx', 'Open workbook');
    const warning = await screen.findByRole('group', { name: 'Some parts cannot be saved in the browser version' });
    expect(warning.textContent).toContain(
      'This workbook’s charts 1 (基本目標1), pivot tables 1 (基本目標1), shapes / text boxes 1 (基本目標1) cannot be saved by the browser version. ' +
        'The workbook you download after writing the results (or restoring) will not contain them (your original file stays as it is). ' +
        'To keep everything, use the Excel add-in.',
    );

    await user.click(screen.getByRole('button', { name: 'Evaluate' }));
    await screen.findByRole('tablist', { name: 'Review and settings' });
    await user.click(screen.getByRole('button', { name: 'Write results' }));
    const consent = await screen.findByRole('checkbox', { name: 'I understand these will be lost: write the results' });
    expect(document.getElementById(consent.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      `The workbook you download will not contain ${unsavable.en} (your original file stays as it is). Tick the box if that is all right, then press “Write results” again.`,
    );
    await user.click(consent);
    await user.click(screen.getByRole('button', { name: 'Write results' }));
    await screen.findByRole('heading', { name: 'Written' });
    expect(
      await screen.findByText(`The downloaded workbook does not contain ${unsavable.en} (the browser version cannot save them). Your original file still has them.`),
    ).toBeTruthy();
  });

  it('a write refused only when tried (a file the page could only save rebuilt): the pane warns, asks beside the button, and writes once ticked', async () => {
    const host = fakeHost('browser');
    const real = host.write.getMockImplementation();
    host.write.mockImplementation(async (plan, options) => {
      if (options?.acceptLoss !== true) throw new BrowserHostError('unsavable-parts', 'would lose parts', unsavable);
      return (real as NonNullable<typeof real>)(plan, options);
    });
    const { user } = renderPane(host);
    await openFile(user, 'odd.xlsx');
    await evaluateInPane(user);
    expect(screen.queryByRole('group', { name: WARNING })).toBeNull(); // nothing known on opening
    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    const consent = await screen.findByRole('checkbox', { name: CONSENT });
    expect(document.activeElement).toBe(consent);
    expect(screen.getByText(/確認なしには書き込みません/)).toBeTruthy();
    expect(screen.getByRole('group', { name: WARNING }).textContent).toContain(unsavable.ja);
    await user.click(consent);
    await user.click(screen.getByRole('button', { name: '結果を書き込む' }));
    await toResult();
    expect(host.write).toHaveBeenCalledTimes(2);
    expect(host.write.mock.calls[1][1]?.acceptLoss).toBe(true);
    expect(screen.getByText(NOTICE)).toBeTruthy();
  });
});
