import { FormattedMessage } from 'react-intl';
import { useLocale } from '../i18n/locale-provider.tsx';
import { endonyms, pseudoLocale, type UiLocale, uiLocales } from '../i18n/locales.ts';

/** The six UN languages, each named in itself; the pseudo-locale is reachable by `?lang=` only. */
export function LanguageSwitcher() {
  const { locale, setLocale } = useLocale();
  return (
    <div className="language-switcher">
      <label htmlFor="language-switcher">
        <FormattedMessage id="language.label" defaultMessage="Language" />
      </label>
      <select
        id="language-switcher"
        value={locale}
        onChange={(event) => setLocale(event.target.value as UiLocale)}
      >
        {locale === pseudoLocale && (
          <option value={pseudoLocale} lang="en">
            {pseudoLocale}
          </option>
        )}
        {uiLocales.map((l) => (
          <option key={l} value={l} lang={l}>
            {endonyms[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
