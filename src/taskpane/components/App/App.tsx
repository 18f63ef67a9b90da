import type { AppProps } from './App.types';
import { renderApp } from './renderApp';
import { useApp } from './useApp';
import { useAppStyles } from './useAppStyles.styles';

/** The task pane: detect → review and choose → write → result, over the host port. */
export const App = (props: AppProps) => {
  const state = useApp(props);
  const styles = useAppStyles();
  return renderApp(state, styles);
};
