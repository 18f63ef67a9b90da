import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Subtitle2,
} from '@fluentui/react-components';
import { CategoryBadge } from '../CategoryBadge';
import { KpiDetails } from '../KpiDetails';
import { ProblemList } from '../ProblemList';
import type { ReviewPanelState } from './ReviewPanel.types';
import type { ReviewPanelStyles } from './useReviewPanelStyles.styles';

export function renderReviewPanel(state: ReviewPanelState, styles: ReviewPanelStyles) {
  return (
    <div className={styles.root}>
      <div className={styles.summary}>
        <Body1 role="status">{state.summary}</Body1>
        {state.problemsSummary !== null && <Caption1 className={styles.warning}>{state.problemsSummary}</Caption1>}
      </div>

      {state.tables.map((table) => (
        <section key={table.key} className={styles.table} aria-label={table.heading}>
          <div className={styles.tableHeader}>
            <Subtitle2 as="h3" className={styles.tableHeading}>
              {table.heading}
            </Subtitle2>
            <Caption1 className={styles.meta}>{table.meta}</Caption1>
          </div>
          <Accordion
            multiple
            collapsible
            openItems={state.openItems}
            onToggle={state.onToggle}
            className={styles.accordion}
          >
            {table.kpis.map((kpi) => (
              <AccordionItem key={kpi.id} value={kpi.id} className={styles.item}>
                <AccordionHeader as="h4" size="small" className={styles.header} expandIconPosition="end">
                  <span className={styles.headerText}>
                    <span className={styles.name}>{kpi.name}</span>
                    <span className={styles.headerMeta}>
                      {kpi.group !== null && <Caption1 className={styles.meta}>{kpi.group}</Caption1>}
                      {kpi.latest ? (
                        <>
                          <Caption1 className={styles.meta}>{kpi.latest.label}</Caption1>
                          <CategoryBadge label={kpi.latest.category} style={kpi.latest.style} />
                        </>
                      ) : (
                        <Caption1 className={styles.meta}>{state.text.noCategoryYet}</Caption1>
                      )}
                    </span>
                  </span>
                </AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <KpiDetails
                    kpi={kpi.report}
                    categories={state.categories}
                    onSelectRange={state.onSelectRange}
                    kpiChart={state.kpiChart}
                  />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </section>
      ))}

      {state.problems.length > 0 && (
        <section className={styles.problems} aria-label={state.text.problemsHeading}>
          <Subtitle2 as="h3" className={styles.tableHeading}>
            {state.text.problemsHeading}
          </Subtitle2>
          <ProblemList problems={state.problems} label={state.text.problemsHeading} onSelectRange={state.onSelectRange} />
        </section>
      )}
    </div>
  );
}
