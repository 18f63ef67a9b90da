import { makeStyles, tokens } from '@fluentui/react-components';

export const useLossConsentStyles = makeStyles({
  root: {
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    // Sheet names and content types can be long words; the pane is 320 px wide at its narrowest.
    overflowWrap: 'anywhere',
  },
});

export type LossConsentStyles = ReturnType<typeof useLossConsentStyles>;
