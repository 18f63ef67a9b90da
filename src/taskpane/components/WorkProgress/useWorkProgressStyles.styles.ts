import { makeStyles, tokens } from '@fluentui/react-components';

export const useWorkProgressStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  line: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
  },
  step: {
    color: tokens.colorNeutralForeground3,
    fontVariantNumeric: 'tabular-nums',
  },
  cancel: {
    alignSelf: 'flex-start',
  },
});

export type WorkProgressStyles = ReturnType<typeof useWorkProgressStyles>;
