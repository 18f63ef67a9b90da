export { createBrowserHost, BrowserHostError } from './browserHost';
export type { BrowserHostErrorCode } from './browserHost';
