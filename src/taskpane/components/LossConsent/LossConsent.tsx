import type { LossConsentProps } from './LossConsent.types';
import { renderLossConsent } from './renderLossConsent';
import { useLossConsent } from './useLossConsent';
import { useLossConsentStyles } from './useLossConsentStyles.styles';

/**
 * The browser page's question before a write or restore that loses parts of the workbook it cannot save
 * (charts, pivot tables, …): a checkbox 「失われることを理解して書き込む」 with what is lost as its description.
 */
export const LossConsent = (props: LossConsentProps) => {
  const state = useLossConsent(props);
  const styles = useLossConsentStyles();
  return renderLossConsent(state, styles);
};
