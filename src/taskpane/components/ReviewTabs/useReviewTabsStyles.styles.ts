import { makeStyles, tokens } from '@fluentui/react-components';

export const useReviewTabsStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  tabs: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
  },
});

export type ReviewTabsStyles = ReturnType<typeof useReviewTabsStyles>;
