import { makeStyles, tokens } from '@fluentui/react-components';

export const useProblemListStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteMarigoldBorder2}`,
    overflowWrap: 'anywhere',
  },
  location: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    textAlign: 'left',
    width: 'fit-content',
  },
  message: {
    color: tokens.colorNeutralForeground2,
  },
});

export type ProblemListStyles = ReturnType<typeof useProblemListStyles>;
