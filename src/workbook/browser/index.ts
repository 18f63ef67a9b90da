export { createBrowserHost } from './browserHost';
