/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SheetGrid } from '../../src/domain/grid';
import type { Detection, Kpi } from '../../src/domain/kpi';
import { App } from '../../src/taskpane/components/App';
import { MessagesContext, catalogues, type Language } from '../../src/taskpane/i18n';
import type { WorkbookHost } from '../../src/workbook/port';

const detect = jest.fn<Detection, [SheetGrid[]]>();
jest.mock('../../src/domain/layout', () => ({ detect: (sheets: SheetGrid[]) => detect(sheets) }));

const GRID: SheetGrid = {
  name: '基本目標1',
  top: 0,
  left: 0,
  values: [['指標名']],
  numberFormats: null,
  formulas: {},
  merges: [],
  protected: false,
  visibility: 'visible',
};

function kpi(name: string, unit: string | null, labels: string[]): Kpi {
  return {
    id: `基本目標1!${name}`,
    sheet: '基本目標1',
    range: 'A3:I5',
    layout: 'year-columns',
    group: null,
    category: null,
    name,
    nameCell: 'A3',
    order: null,
    sources: [],
    unit,
    scale: 1,
    baseline: null,
    target: null,
    years: labels.map((label) => ({ label, fiscalYear: null, benchmark: null, actual: null, status: null })),
    cumulative: false,
    problems: [],
  };
}

function host(kind: WorkbookHost['kind'], read: () => Promise<SheetGrid> = () => Promise.resolve(GRID)) {
  return { kind, readActiveSheet: jest.fn(read) } satisfies WorkbookHost;
}

function renderApp(h: WorkbookHost, language: Language = 'ja', startupProblem?: string) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <MessagesContext.Provider value={catalogues[language]}>
        <App host={h} startupProblem={startupProblem} />
      </MessagesContext.Provider>
    </FluentProvider>,
  );
}

beforeEach(() => detect.mockReset());

describe('task pane first screen', () => {
  it('shows the product name', () => {
    renderApp(host('office'));
    expect(screen.getByRole('heading', { name: '進捗 Shinchoku' })).toBeTruthy();
  });

  it('outside Excel, says it runs as the browser version and offers no sheet scan', () => {
    renderApp(host('browser'));
    expect(screen.getByText(/Excel の外で開かれています。ブラウザ版として動作します/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'このシートを調べる' })).toBeNull();
  });

  it('speaks English when English was picked', () => {
    renderApp(host('browser'), 'en');
    expect(screen.getByText('Opened outside Excel. Running as the browser version.')).toBeTruthy();
  });

  it('in Excel, scans the active sheet and lists the KPIs found (name, unit, years)', async () => {
    detect.mockReturnValue({
      tables: [],
      kpis: [kpi('観光客数', '千人', ['R2', 'R3', 'R4']), kpi('転入者数', null, [])],
      problems: [{ sheet: '基本目標1', cell: 'E4', code: 'unparsed-value', message: 'unreadable' }],
    });
    const h = host('office');
    renderApp(h);
    await userEvent.click(screen.getByRole('button', { name: 'このシートを調べる' }));

    expect(await screen.findByText('シート「基本目標1」で 2 件の指標を検出しました')).toBeTruthy();
    expect(h.readActiveSheet).toHaveBeenCalledTimes(1);
    expect(detect).toHaveBeenCalledWith([GRID]);
    const list = screen.getByRole('list', { name: '検出した指標' });
    const items = Array.from(list.querySelectorAll('li')).map((li) => li.textContent);
    expect(items).toEqual(['観光客数単位: 千人 ・ 年度: R2、R3、R4', '転入者数単位: なし ・ 年度: 年度の列なし']);
    expect(screen.getByText('読み取れなかったセルが 1 か所あります')).toBeTruthy();
  });

  it('says so when the sheet holds no KPI table', async () => {
    detect.mockReturnValue({ tables: [], kpis: [], problems: [] });
    renderApp(host('office'));
    await userEvent.click(screen.getByRole('button', { name: 'このシートを調べる' }));
    expect(await screen.findByText(/シート「基本目標1」に指標の表が見つかりませんでした/)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows what failed when Excel cannot read the sheet, and that nothing changed', async () => {
    const officeError = Object.assign(new Error('The request payload size has exceeded the limit.'), {
      code: 'RequestPayloadSizeLimitExceeded',
      debugInfo: { errorLocation: 'Range.values' },
    });
    renderApp(host('office', () => Promise.reject(officeError)));
    await userEvent.click(screen.getByRole('button', { name: 'このシートを調べる' }));
    expect(await screen.findByText('シートを読み取れませんでした')).toBeTruthy();
    expect(
      screen.getByText(
        /\[RequestPayloadSizeLimitExceeded\] The request payload size has exceeded the limit\. \(Range\.values\)/,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/ブックは変更されていません。/)).toBeTruthy();
    expect(detect).not.toHaveBeenCalled();
    // The button is usable again for a retry.
    expect((screen.getByRole('button', { name: 'このシートを調べる' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a detection failure as such', async () => {
    detect.mockImplementation(() => {
      throw new Error('detect: boom');
    });
    renderApp(host('office'));
    await userEvent.click(screen.getByRole('button', { name: 'このシートを調べる' }));
    expect(await screen.findByText('表を検出できませんでした')).toBeTruthy();
    expect(screen.getByText(/detect: boom/)).toBeTruthy();
  });

  it('disables the button while the sheet is being read', async () => {
    let finish: (grid: SheetGrid) => void = () => undefined;
    detect.mockReturnValue({ tables: [], kpis: [], problems: [] });
    const h = host('office', () => new Promise<SheetGrid>((resolve) => (finish = resolve)));
    renderApp(h);
    const button = screen.getByRole('button', { name: 'このシートを調べる' }) as HTMLButtonElement;
    await userEvent.click(button);
    expect(button.disabled).toBe(true);
    expect(screen.getByText('シートを読み取っています…')).toBeTruthy();
    finish(GRID);
    await waitFor(() => expect(button.disabled).toBe(false));
  });

  it('shows an Office start-up problem as a warning', () => {
    renderApp(host('browser'), 'ja', 'Office.js has not fully loaded');
    expect(screen.getByText(/Office の初期化に失敗したため.*Office\.js has not fully loaded/)).toBeTruthy();
  });
});
