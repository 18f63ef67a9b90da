import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

const labelBase = {
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  minHeight: '32px',
  padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  borderRadius: tokens.borderRadiusMedium,
  ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
  fontFamily: tokens.fontFamilyBase,
  fontSize: tokens.fontSizeBase300,
  fontWeight: tokens.fontWeightSemibold,
  lineHeight: tokens.lineHeightBase300,
  width: 'fit-content',
};

export const useStartPanelStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  fileRow: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    // The focus ring of the (visually hidden) input is drawn on its label.
    '& input:focus-visible + label': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  /** Visually hidden, still focusable and announced (not display:none). */
  fileInput: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  fileLabel: {
    ...labelBase,
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    ':hover': {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      ...shorthands.borderColor(tokens.colorNeutralStroke1Hover),
    },
    ':active': {
      backgroundColor: tokens.colorNeutralBackground1Pressed,
    },
  },
  fileLabelDisabled: {
    ...labelBase,
    cursor: 'not-allowed',
    color: tokens.colorNeutralForegroundDisabled,
    backgroundColor: tokens.colorNeutralBackgroundDisabled,
    ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
  },
  fileStatus: {
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  evaluate: {
    alignSelf: 'flex-start',
    minWidth: '120px',
  },
});

export type StartPanelStyles = ReturnType<typeof useStartPanelStyles>;
