export { App } from './App';
export type { AppProps, AppState, Phase } from './App.types';
