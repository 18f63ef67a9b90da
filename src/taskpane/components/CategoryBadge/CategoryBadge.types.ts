import type { CategoryStyle } from '../../../domain/evaluate';

export interface CategoryBadgeProps {
  /** The category text as written in the workbook (順調, A, ◎ …): always shown, colour is a second signal. */
  label: string;
  /** The scheme's style for this label, or null for a text the scheme does not know (outlined, no colour). */
  style: CategoryStyle | null;
  size?: 'small' | 'medium';
}

export interface CategoryBadgeState {
  label: string;
  size: 'small' | 'medium';
  colors: { backgroundColor: string; color: string } | null;
}
