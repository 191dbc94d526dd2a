import { createContext, type ReactNode, useCallback, useContext, useLayoutEffect, useState } from 'react';
import { IntlProvider } from 'react-intl';
import {
  type AppLocale,
  catalogueFor,
  directionOf,
  formattingLocale,
  initialLocale,
  persistLocale,
} from './locales.ts';

type LocaleState = { locale: AppLocale; setLocale: (locale: AppLocale) => void };

const LocaleContext = createContext<LocaleState | undefined>(undefined);

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

/** Holds the reader's language, and is the one place that sets `<html lang dir>`. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<AppLocale>(initialLocale);

  const setLocale = useCallback((next: AppLocale) => {
    persistLocale(next);
    // A `?lang=` in the address would override the new choice on reload: drop it.
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.delete('lang');
      window.history.replaceState(window.history.state, '', url);
    }
    setLocaleState(next);
  }, []);

  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);

  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      <IntlProvider
        locale={formattingLocale(locale)}
        defaultLocale="en"
        messages={catalogueFor(locale)}
      >
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
