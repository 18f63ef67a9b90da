import type { CategoryBadgeProps, CategoryBadgeState } from './CategoryBadge.types';

/** The scheme's fill and font colours (chosen for WCAG contrast by the engine's palette). */
export function useCategoryBadge(props: CategoryBadgeProps): CategoryBadgeState {
  return {
    label: props.label,
    size: props.size ?? 'medium',
    colors: props.style ? { backgroundColor: props.style.fill, color: props.style.font } : null,
  };
}
