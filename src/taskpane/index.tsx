import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { MessagesContext, catalogues, pickLanguage } from './i18n';
import { startHost } from './startHost';

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane/index.tsx: #root is missing from taskpane.html');
  const { host, languageTag, startupProblem } = await startHost();
  const language = pickLanguage(languageTag);
  const messages = catalogues[language];
  document.documentElement.lang = language;
  document.title = messages.appTitle;
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <MessagesContext.Provider value={messages}>
          <App host={host} startupProblem={startupProblem} />
        </MessagesContext.Provider>
      </FluentProvider>
    </StrictMode>,
  );
}

main().catch((err: unknown) => {
  // Nothing rendered: say so on the page itself rather than only in the console.
  document.body.textContent = `進捗 Shinchoku: ${err instanceof Error ? err.message : String(err)}`;
  throw err;
});
