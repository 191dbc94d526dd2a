import { alpha3ToAlpha2 } from 'virtual:country-codes';
import { useIntl } from 'react-intl';

/** Names a country (ISO 3166-1 alpha-3) in the reader's language; the code when the browser cannot. */
export function useCountryName(): (alpha3: string) => string {
  const intl = useIntl();
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([intl.locale], { type: 'region', fallback: 'code' });
  } catch {
    names = undefined;
  }
  return (alpha3) => {
    const alpha2 = alpha3ToAlpha2[alpha3.toUpperCase()];
    return (alpha2 && names?.of(alpha2)) || alpha3;
  };
}
