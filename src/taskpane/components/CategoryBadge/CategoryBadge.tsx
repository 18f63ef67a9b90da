import type { CategoryBadgeProps } from './CategoryBadge.types';
import { renderCategoryBadge } from './renderCategoryBadge';
import { useCategoryBadge } from './useCategoryBadge';
import { useCategoryBadgeStyles } from './useCategoryBadgeStyles.styles';

/** A progress category as a coloured badge WITH its text (colour is never the only signal, SPEC §5). */
export const CategoryBadge = (props: CategoryBadgeProps) => {
  const state = useCategoryBadge(props);
  const styles = useCategoryBadgeStyles();
  return renderCategoryBadge(state, styles);
};
