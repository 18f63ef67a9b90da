import { Badge } from '@fluentui/react-components';
import type { CategoryBadgeState } from './CategoryBadge.types';
import type { CategoryBadgeStyles } from './useCategoryBadgeStyles.styles';

export function renderCategoryBadge(state: CategoryBadgeState, styles: CategoryBadgeStyles) {
  return state.colors ? (
    <Badge appearance="filled" shape="rounded" size={state.size} className={styles.root} style={state.colors}>
      {state.label}
    </Badge>
  ) : (
    <Badge appearance="outline" shape="rounded" color="informative" size={state.size} className={styles.root}>
      {state.label}
    </Badge>
  );
}
