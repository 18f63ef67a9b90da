export { CategoryBadge } from './CategoryBadge';
export type { CategoryBadgeProps } from './CategoryBadge.types';
