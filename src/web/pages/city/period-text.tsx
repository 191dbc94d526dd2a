import { FormattedMessage, useIntl } from 'react-intl';

/** A whole day (YYYY-MM-DD) in the reader's language. */
function Day({ day }: { day: string }) {
  const intl = useIntl();
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return <time dateTime={day}>{day}</time>;
  return <time dateTime={day}>{intl.formatDate(date, { dateStyle: 'medium', timeZone: 'UTC' })}</time>;
}

/** The period of the filters in words: both bounds are whole days, included. */
export function PeriodText({ from, to }: { from: string; to: string }) {
  if (from && to) {
    return (
      <FormattedMessage
        id="city.period.between"
        defaultMessage="from {from} to {to}"
        values={{ from: <Day day={from} />, to: <Day day={to} /> }}
      />
    );
  }
  if (from) return <FormattedMessage id="city.period.from" defaultMessage="from {from}" values={{ from: <Day day={from} /> }} />;
  if (to) return <FormattedMessage id="city.period.to" defaultMessage="up to {to}" values={{ to: <Day day={to} /> }} />;
  return <FormattedMessage id="city.period.all" defaultMessage="all recorded dates" />;
}
