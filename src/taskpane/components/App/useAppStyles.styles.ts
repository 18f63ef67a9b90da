import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} 0`,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    // The task pane is 320 px wide at its narrowest: nothing may force a horizontal scroll bar.
    minWidth: 0,
    maxWidth: '720px',
    overflowWrap: 'anywhere',
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
  },
  logo: {
    width: '32px',
    height: '32px',
    flexShrink: 0,
  },
  title: {
    margin: 0,
  },
  subtitle: {
    color: tokens.colorNeutralForeground3,
  },
  detail: {
    display: 'block',
    overflowWrap: 'anywhere',
  },
  line: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
  },
  step: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    ...typographyStyles.subtitle2,
    margin: 0,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  restored: {
    ...typographyStyles.body1Strong,
    margin: 0,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  restoreBox: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  writeBox: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  warning: {
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  /** The write button stays in reach at the bottom of the pane while the review scrolls. */
  stickyAction: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    padding: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  start: {
    alignSelf: 'flex-start',
  },
});

export type AppStyles = ReturnType<typeof useAppStyles>;
