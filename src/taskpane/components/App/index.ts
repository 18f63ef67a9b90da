export { App } from './App';
export type { AppProps, AppState, ScanStatus } from './App.types';
