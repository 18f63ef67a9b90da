import { lazy } from 'react';

type Panels = typeof import('./panels');
let panels: Promise<Panels> | null = null;

/**
 * The review, settings and result screens are loaded with the engine, after 評価する: the pane's first
 * screen (open, scope, 評価する) stays a small script for Office's cold start. Preloaded by the evaluate step
 * so that a failure to load is reported there, as an evaluation failure, and never breaks the page.
 */
export function loadPanels(): Promise<Panels> {
  panels ??= import(/* webpackChunkName: "panels" */ './panels').catch((err: unknown) => {
    panels = null;
    throw err;
  });
  return panels;
}

export const LazyReviewTabs = lazy(() => loadPanels().then((m) => ({ default: m.ReviewTabs })));
export const LazyResultPanel = lazy(() => loadPanels().then((m) => ({ default: m.ResultPanel })));
