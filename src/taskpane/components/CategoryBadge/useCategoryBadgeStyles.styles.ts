import { makeStyles } from '@fluentui/react-components';

export const useCategoryBadgeStyles = makeStyles({
  root: {
    // Long labels (努力を要する, user-defined ones) wrap inside the pane instead of overflowing it.
    maxWidth: '100%',
    height: 'auto',
    minHeight: '20px',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    fontWeight: 600,
  },
});

export type CategoryBadgeStyles = ReturnType<typeof useCategoryBadgeStyles>;
