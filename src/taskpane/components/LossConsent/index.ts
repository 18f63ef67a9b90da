export { LossConsent } from './LossConsent';
export type { LossAction, LossConsentProps } from './LossConsent.types';
