/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { CategoryStyle } from '../../src/domain/evaluate';
import type { KpiReport } from '../../src/domain/report';
import { CategoryBadge } from '../../src/taskpane/components/CategoryBadge';
import { KpiDetails } from '../../src/taskpane/components/KpiDetails';
import { ProblemList } from '../../src/taskpane/components/ProblemList';
import { MessagesContext, catalogues } from '../../src/taskpane/i18n';

/**
 * Nothing from a workbook is evaluated as code or HTML in the task pane (issue 10). Two layers: no code path
 * that could (a scan of the sources), and the components that show workbook text rendering it as text.
 */

const SRC = path.join(__dirname, '..', '..', 'src', 'taskpane');
const XSS = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '"><script>window.__pwned=2</script>';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|html)$/.test(name) ? [p] : [];
  });
}

describe('task pane sources', () => {
  it('use no raw-HTML or eval-like sink', () => {
    const sinks = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`]|srcdoc|javascript:/;
    const found = files(SRC).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [f, i + 1, line] as const)
        .filter(([, , line]) => sinks.test(line)),
    );
    expect(found.map(([f, n, line]) => `${path.relative(SRC, f)}:${n}: ${line.trim()}`)).toEqual([]);
    expect(files(SRC).length).toBeGreaterThan(10); // the scan really looked at the pane
  });
});

function style(label: string): CategoryStyle {
  return { label, fill: '#C6EFCE', font: '#006100', meaning: { ja: XSS, en: XSS } } as CategoryStyle;
}

function hostileKpi(): KpiReport {
  return {
    id: `${XSS}!A1:I3`,
    sheet: XSS,
    range: 'A1:I3',
    layout: 'year-columns',
    group: SCRIPT,
    name: XSS,
    unit: SCRIPT,
    direction: 'up',
    directionReason: XSS,
    baseline: { label: XSS, fiscalYear: 2019, value: 1 },
    target: { label: 'R6', fiscalYear: 2024, value: 2 },
    years: [
      {
        label: SCRIPT,
        fiscalYear: 2020,
        benchmark: 1.2,
        benchmarkSource: 'sheet',
        actual: 1.3,
        missingReason: null,
        ratio: 1.08,
        category: XSS,
        statusCell: 'D3',
        existing: SCRIPT,
        basis: 'ratio',
        basisValue: 1.08,
        explanation: XSS,
        provisional: false,
      },
    ],
    trend: null,
    disagreements: [{ fiscalYear: 2020, cell: 'D3', existing: SCRIPT, computed: XSS, detail: XSS }],
    problems: [{ sheet: XSS, cell: 'E4', code: 'unparsed-value', message: `「${XSS}」を数値として読めません` }],
  };
}

function inPane(node: React.ReactElement) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <MessagesContext.Provider value={catalogues.ja}>{node}</MessagesContext.Provider>
    </FluentProvider>,
  );
}

describe('workbook text in the task pane is shown as text', () => {
  beforeEach(() => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
  });

  afterEach(() => {
    expect(document.querySelector('img, script, iframe, object, embed')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('KPI details: name, unit, group, labels, explanations, disagreements and problems', () => {
    const kpi = hostileKpi();
    inPane(<KpiDetails kpi={kpi} categories={new Map([[XSS, style(XSS)]])} />);
    expect(screen.getAllByText((_content, el) => el?.children.length === 0 && (el.textContent ?? '').includes(XSS)).length).toBeGreaterThan(0);
  });

  it('problem list: the sheet name and message', () => {
    inPane(<ProblemList label="問題" problems={hostileKpi().problems} />);
    expect(screen.getByText((_content, el) => el?.children.length === 0 && (el.textContent ?? '').includes(`「${XSS}」`))).toBeTruthy();
  });

  it('category badge: a scheme label from the workbook settings', () => {
    inPane(<CategoryBadge label={XSS} style={style(XSS)} />);
    expect(screen.getByText(XSS)).toBeTruthy();
  });
});
