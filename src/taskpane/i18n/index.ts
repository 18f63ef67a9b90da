import { createContext, useContext } from 'react';
import { en } from './en';
import { ja, type Messages } from './ja';

export type { Messages, MessageKey } from './ja';
export { ja, en };

export type Language = 'ja' | 'en';

export const catalogues: Record<Language, Messages> = { ja, en };

/**
 * The UI language from a BCP 47 tag (Office's display language inside Excel, `navigator.language` in a
 * browser): English for `en…`, Japanese for everything else (SPEC §7: Japanese by default).
 */
export function pickLanguage(tag: string | null | undefined): Language {
  return typeof tag === 'string' && /^en\b/i.test(tag) ? 'en' : 'ja';
}

export const MessagesContext = createContext<Messages>(ja);

/** The catalogue chosen at start-up (src/taskpane/index.tsx). */
export function useMessages(): Messages {
  return useContext(MessagesContext);
}
