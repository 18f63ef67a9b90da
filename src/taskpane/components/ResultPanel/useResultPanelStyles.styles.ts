import { makeStyles, tokens } from '@fluentui/react-components';

export const useResultPanelStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  actions: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  action: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'flex-start',
  },
  hint: {
    color: tokens.colorNeutralForeground3,
  },
  block: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
  heading: {
    margin: 0,
  },
  subheading: {
    marginTop: tokens.spacingVerticalS,
  },
  counts: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  count: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6em, max-content) 3em',
    justifyItems: 'start',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  number: {
    justifySelf: 'end',
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    fontWeight: tokens.fontWeightSemibold,
  },
  plainList: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  back: {
    alignSelf: 'flex-start',
  },
});

export type ResultPanelStyles = ReturnType<typeof useResultPanelStyles>;
