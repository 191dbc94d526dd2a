import { FormattedList, FormattedMessage } from 'react-intl';
import type { RateTable } from './unit-rates.ts';

type Props = {
  table: RateTable | undefined;
  /** The population year asked for (the period's year), if any. */
  year: number | undefined;
  /** Whether the counts are a public answer (no operator token), where small counts are suppressed. */
  anonymous: boolean;
  /** The server's own notes: English text about how it counted (data, not translated). */
  serverNotes: string[];
};

const yearText = (y: number) => String(y);

/** Years joined by Intl ("2010 and 2011"): formatted by the browser, like a date. */
function Years({ years }: { years: number[] }) {
  return (
    <span data-i18n-exempt>
      <FormattedList type="conjunction" value={years.map(yearText)} />
    </span>
  );
}

/** The notes under the table: population year, units without population, suppression. */
export function CityNotes({ table, year, anonymous, serverNotes }: Props) {
  const years = table?.populationYears ?? [];
  const noPopulation = table?.units.filter((u) => u.kind === 'noPopulation').length ?? 0;
  const suppressed = anonymous || serverNotes.some((n) => /suppress/i.test(n));
  const nearest = year !== undefined && years.length > 0 && years.some((y) => y !== year);
  return (
    <div className="notes">
      <h3>
        <FormattedMessage id="city.notes.title" defaultMessage="Notes" />
      </h3>
      <ul className="notes-list">
        {years.length > 0 && (
          <li>
            {nearest ? (
              <FormattedMessage
                id="city.notes.populationNearest"
                defaultMessage="Rates use the population of {years}, the nearest year with data to {year}."
                values={{ years: <Years years={years} />, year: yearText(year) }}
              />
            ) : (
              <FormattedMessage
                id="city.notes.population"
                defaultMessage="Rates use the population of {years}."
                values={{ years: <Years years={years} /> }}
              />
            )}
          </li>
        )}
        {noPopulation > 0 && (
          <li>
            <FormattedMessage
              id="city.notes.noPopulation"
              defaultMessage="{units, plural, one {# unit has} other {# units have}} no population: no rate is given, and the map shows such units hatched."
              values={{ units: noPopulation }}
            />
          </li>
        )}
        {suppressed && (
          <li>
            <FormattedMessage
              id="city.notes.suppressed"
              defaultMessage="Public figures: counts from 1 to 4 are suppressed (shown as “fewer than 5”) to protect the people behind them."
            />
          </li>
        )}
        <li>
          <FormattedMessage
            id="city.notes.days"
            defaultMessage="The first and last days are both included, and days are counted in the city's time zone."
          />
        </li>
      </ul>
      {serverNotes.length > 0 && (
        <details>
          <summary>
            <FormattedMessage id="city.notes.server" defaultMessage="How the server counted (in English)" />
          </summary>
          <ul lang="en" data-i18n-exempt>
            {serverNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
