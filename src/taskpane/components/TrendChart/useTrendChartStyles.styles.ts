import { makeStyles, tokens } from '@fluentui/react-components';

export const useTrendChartStyles = makeStyles({
  root: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  svg: {
    width: '100%',
    height: 'auto',
    display: 'block',
    overflow: 'visible',
  },
  axisText: {
    fontSize: '10px',
    fill: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  key: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
  },
  swatch: {
    flexShrink: 0,
  },
  none: {
    color: tokens.colorNeutralForeground3,
  },
});

export type TrendChartStyles = ReturnType<typeof useTrendChartStyles>;
