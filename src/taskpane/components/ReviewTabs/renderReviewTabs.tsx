import { Tab, TabList } from '@fluentui/react-components';
import { ReviewPanel } from '../ReviewPanel';
import { SettingsPanel } from '../SettingsPanel';
import type { ReviewTabsState } from './ReviewTabs.types';
import type { ReviewTabsStyles } from './useReviewTabsStyles.styles';

export function renderReviewTabs(state: ReviewTabsState, styles: ReviewTabsStyles) {
  const settings = state.view === 'settings';
  return (
    <div className={styles.root}>
      <TabList selectedValue={state.view} onTabSelect={state.onTabSelect} aria-label={state.text.tabsLabel} className={styles.tabs}>
        <Tab id={state.ids.review} value="review" aria-controls={state.ids.panel}>
          {state.text.tabReview}
        </Tab>
        <Tab id={state.ids.settings} value="settings" aria-controls={state.ids.panel}>
          {state.text.tabSettings}
        </Tab>
      </TabList>
      <div id={state.ids.panel} role="tabpanel" aria-labelledby={settings ? state.ids.settings : state.ids.review}>
        {settings ? (
          <SettingsPanel
            result={state.result}
            choices={state.choices}
            presets={state.presets}
            ownScheme={state.ownScheme}
            categories={state.categories}
            thresholdError={state.thresholdError}
            onChange={state.onSettingsChange}
          />
        ) : (
          <ReviewPanel
            result={state.result}
            categories={state.categories}
            onSelectRange={state.onSelectRange}
            kpiChart={state.kpiChart}
          />
        )}
      </div>
    </div>
  );
}
