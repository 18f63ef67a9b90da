import { makeStyles, tokens } from '@fluentui/react-components';

export const useReviewPanelStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  warning: {
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  table: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  tableHeader: {
    display: 'flex',
    flexDirection: 'column',
    overflowWrap: 'anywhere',
  },
  tableHeading: {
    margin: 0,
  },
  meta: {
    color: tokens.colorNeutralForeground3,
  },
  accordion: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    margin: 0,
    '& button': {
      height: 'auto',
      minHeight: '40px',
      paddingTop: tokens.spacingVerticalXS,
      paddingBottom: tokens.spacingVerticalXS,
      alignItems: 'flex-start',
      textAlign: 'left',
    },
  },
  headerText: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
  },
  name: {
    fontWeight: tokens.fontWeightSemibold,
  },
  headerMeta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
  },
  panel: {
    margin: `0 ${tokens.spacingHorizontalM}`,
  },
  problems: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
});

export type ReviewPanelStyles = ReturnType<typeof useReviewPanelStyles>;
