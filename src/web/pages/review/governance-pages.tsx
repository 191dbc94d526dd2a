import { type FormEvent, type ReactNode, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { isSecretariat, useSession } from '../account/session-context.tsx';
import { call } from './review-api.ts';
import { sectionLabels, taTypeLabels } from './review-labels.ts';
import { useReviewLoad } from './use-review-load.ts';
import './review.css';
import './public-pages.css';

type Outcome = { id: number; kind: 'recommendation' | 'conclusion'; text: string; adoptedAt: string | null; transmittedAt: string | null; decisions: { id: number; symbol: string; decidedOn: string; text: string }[] };
type Meeting = { id: number; title: string; startsOn: string; venue: 'nairobi' | 'online'; agenda: { item: string; note: string }[]; participants: { name: string; role: string }[]; outcomes?: Outcome[] };
type Need = { reviewId: string; country: string; name: string; questionId: string; need: number; type: string; subject: string; details: string };
type Offer = { id: number; partner: string; type: string; subject: string; details: string };
type Match = { id: number; reviewId: string; questionId: string; need: number; offerId: number; status: string };
type Budget = {
  lines: { id: number; period: string; name: string; amount: number; currency: string; spent: number }[];
  contributions: { id: number; donor: string; amount: number; currency: string; receivedOn: string }[];
};

const agendaLabels = defineMessages({
  review_progress: { id: 'reviewReports.agenda.review_progress', defaultMessage: 'Progress of the reviews' },
  thematic_report: { id: 'reviewReports.agenda.thematic_report', defaultMessage: 'Thematic implementation report' },
  technical_assistance: { id: 'reviewReports.agenda.technical_assistance', defaultMessage: 'Technical assistance' },
  budget: { id: 'reviewReports.agenda.budget', defaultMessage: 'Budget' },
  mechanism_performance: { id: 'reviewReports.agenda.mechanism_performance', defaultMessage: 'Performance of the mechanism' },
  other: { id: 'reviewReports.agenda.other', defaultMessage: 'Other matters' },
});
const venueLabels = defineMessages({
  nairobi: { id: 'reviewReports.venue.nairobi', defaultMessage: 'Nairobi' },
  online: { id: 'reviewReports.venue.online', defaultMessage: 'Online' },
});

function money(intl: ReturnType<typeof useIntl>, minor: number, currency: string) {
  return intl.formatNumber(minor / 100, { style: 'currency', currency });
}

/** A small form: fields as children, one submit; errors shown, then `done`. */
function MiniForm({ onSubmit, label, children }: { onSubmit: (data: FormData) => Promise<unknown>; label: ReactNode; children: ReactNode }) {
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    try {
      await onSubmit(new FormData(form));
      form.reset();
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="review-form" onSubmit={submit}>
      {children}
      {error !== undefined && <ErrorMessage error={error} />}
      <button type="submit">{label}</button>
    </form>
  );
}

/** The Review Group, the technical-assistance register and the budget: the secretariat works here, the Board reads. */
export function GovernancePage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'reviewReports.governance.title', defaultMessage: 'Review Group, assistance and budget' }));
  const { state } = useSession();
  const sec = isSecretariat(state);
  const l = intl.locale.slice(0, 2);
  const meetings = useReviewLoad(() => call<{ meetings: Meeting[] }>('GET', '/review/irg/meetings'), [state.status]);
  const [open, setOpen] = useState<number>();
  const meeting = useReviewLoad(() => (open ? call<Meeting>('GET', `/review/irg/meetings/${open}`) : Promise.resolve(undefined)), [open]);
  const ta = useReviewLoad(() => call<{ needs: Need[]; offers: Offer[]; matches: Match[] }>('GET', `/review/assistance?lang=${l}`), [state.status, l]);
  const budget = useReviewLoad(() => call<Budget>('GET', '/review/budget'), [state.status]);
  const str = (d: FormData, k: string) => String(d.get(k) ?? '');
  const cents = (d: FormData, k: string) => Math.round(Number(str(d, k)) * 100);

  return (
    <section className="review">
      <h1 tabIndex={-1}>
        <FormattedMessage id="reviewReports.governance.title" defaultMessage="Review Group, assistance and budget" />
      </h1>

      <section aria-labelledby="irg">
        <h2 id="irg">
          <FormattedMessage id="reviewReports.irg.heading" defaultMessage="Implementation Review Group" />
        </h2>
        {meetings.error !== undefined && <ErrorMessage error={meetings.error} />}
        <ul className="review-list">
          {meetings.data?.meetings.map((m) => (
            <li key={m.id}>
              <button type="button" className="link" onClick={() => setOpen(m.id)}>
                {intl.formatDate(`${m.startsOn}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' })} — <span data-i18n-exempt>{m.title}</span> ({intl.formatMessage(venueLabels[m.venue])})
              </button>
            </li>
          ))}
        </ul>
        {sec && (
          <MiniForm
            label={<FormattedMessage id="reviewReports.irg.create" defaultMessage="Convene a meeting (standard agenda)" />}
            onSubmit={async (d) => {
              await call('POST', '/review/irg/meetings', { title: str(d, 'title'), startsOn: str(d, 'startsOn'), venue: str(d, 'venue') });
              await meetings.reload();
            }}
          >
            <label>
              <FormattedMessage id="reviewReports.irg.meetingTitle" defaultMessage="Title" />
              <input name="title" required />
            </label>
            <label>
              <FormattedMessage id="reviewReports.calendar.date" defaultMessage="Date" />
              <input name="startsOn" type="date" required />
            </label>
            <label>
              <FormattedMessage id="reviewReports.irg.venue" defaultMessage="Venue" />
              <select name="venue">
                <option value="nairobi">{intl.formatMessage(venueLabels.nairobi)}</option>
                <option value="online">{intl.formatMessage(venueLabels.online)}</option>
              </select>
            </label>
          </MiniForm>
        )}
        {meeting.data && (
          <article className="review-document">
            <h3 data-i18n-exempt>{meeting.data.title}</h3>
            <h4>
              <FormattedMessage id="reviewReports.irg.agenda" defaultMessage="Agenda" />
            </h4>
            <ol>
              {meeting.data.agenda.map((a) => (
                <li key={a.item}>{intl.formatMessage(agendaLabels[a.item as keyof typeof agendaLabels])}</li>
              ))}
            </ol>
            <h4>
              <FormattedMessage id="reviewReports.irg.outcomes" defaultMessage="Recommendations and conclusions" />
            </h4>
            <ul>
              {meeting.data.outcomes?.map((o) => (
                <li key={o.id}>
                  <span data-i18n-exempt>{o.text}</span>{' '}
                  {o.transmittedAt ? (
                    <FormattedMessage id="reviewReports.irg.transmitted" defaultMessage="(adopted, transmitted to the Board)" />
                  ) : o.adoptedAt ? (
                    <FormattedMessage id="reviewReports.irg.adopted" defaultMessage="(adopted)" />
                  ) : null}
                  {sec && !o.adoptedAt && (
                    <button type="button" onClick={() => call('POST', `/review/irg/meetings/${meeting.data!.id}/outcomes/${o.id}/adoption`).then(meeting.reload)}>
                      <FormattedMessage id="reviewReports.irg.adopt" defaultMessage="Record adoption" />
                    </button>
                  )}
                  {sec && o.adoptedAt && !o.transmittedAt && (
                    <button type="button" onClick={() => call('POST', `/review/irg/meetings/${meeting.data!.id}/outcomes/${o.id}/transmission`).then(meeting.reload)}>
                      <FormattedMessage id="reviewReports.irg.transmit" defaultMessage="Transmit to the Board" />
                    </button>
                  )}
                  <ul>
                    {o.decisions.map((dec) => (
                      <li key={dec.id}>
                        <span data-i18n-exempt>
                          {dec.symbol} ({dec.decidedOn}): {dec.text}
                        </span>
                      </li>
                    ))}
                  </ul>
                  {o.transmittedAt && (
                    <MiniForm
                      label={<FormattedMessage id="reviewReports.irg.recordDecision" defaultMessage="Record the Board's decision" />}
                      onSubmit={async (d) => {
                        await call('POST', `/review/irg/meetings/${meeting.data!.id}/outcomes/${o.id}/decisions`, { symbol: str(d, 'symbol'), decidedOn: str(d, 'decidedOn'), text: str(d, 'text') });
                        await meeting.reload();
                      }}
                    >
                      <label>
                        <FormattedMessage id="reviewReports.irg.symbol" defaultMessage="Decision symbol" />
                        <input name="symbol" required />
                      </label>
                      <label>
                        <FormattedMessage id="reviewReports.calendar.date" defaultMessage="Date" />
                        <input name="decidedOn" type="date" required />
                      </label>
                      <label>
                        <FormattedMessage id="reviewReports.editor.text" defaultMessage="Text" />
                        <textarea name="text" required />
                      </label>
                    </MiniForm>
                  )}
                </li>
              ))}
            </ul>
            {sec && (
              <MiniForm
                label={<FormattedMessage id="reviewReports.irg.addOutcome" defaultMessage="Add a recommendation" />}
                onSubmit={async (d) => {
                  await call('POST', `/review/irg/meetings/${meeting.data!.id}/outcomes`, { kind: 'recommendation', text: str(d, 'text') });
                  await meeting.reload();
                }}
              >
                <label>
                  <FormattedMessage id="reviewReports.editor.text" defaultMessage="Text" />
                  <textarea name="text" required />
                </label>
              </MiniForm>
            )}
          </article>
        )}
      </section>

      <section aria-labelledby="ta">
        <h2 id="ta">
          <FormattedMessage id="reviewReports.ta.heading" defaultMessage="Technical assistance" />
        </h2>
        {ta.error !== undefined && <ErrorMessage error={ta.error} />}
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="reviewReports.calendar.state" defaultMessage="State" />
              </th>
              <th scope="col">
                <FormattedMessage id="reviewReports.ta.need" defaultMessage="Need" />
              </th>
              <th scope="col">
                <FormattedMessage id="reviewReports.ta.matches" defaultMessage="Offers matched" />
              </th>
            </tr>
          </thead>
          <tbody>
            {ta.data?.needs.map((n) => (
              <tr key={`${n.reviewId}-${n.questionId}-${n.need}`} data-country={n.country}>
                <td>{n.name}</td>
                <td>
                  {intl.formatMessage(taTypeLabels[n.type as keyof typeof taTypeLabels])}, {intl.formatMessage(sectionLabels[n.subject as keyof typeof sectionLabels])}: <span data-i18n-exempt>{n.details}</span>
                </td>
                <td>
                  {ta.data?.matches
                    .filter((m) => m.reviewId === n.reviewId && m.questionId === n.questionId && m.need === n.need)
                    .map((m) => (
                      <span key={m.id} data-i18n-exempt>
                        {ta.data?.offers.find((o) => o.id === m.offerId)?.partner} ({m.status}){' '}
                      </span>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="budget">
        <h2 id="budget">
          <FormattedMessage id="reviewReports.budget.heading" defaultMessage="Budget" />
        </h2>
        {budget.error !== undefined && <ErrorMessage error={budget.error} />}
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="reviewReports.budget.period" defaultMessage="Biennium" />
              </th>
              <th scope="col">
                <FormattedMessage id="reviewReports.budget.line" defaultMessage="Line" />
              </th>
              <th scope="col">
                <FormattedMessage id="reviewReports.budget.amount" defaultMessage="Amount" />
              </th>
              <th scope="col">
                <FormattedMessage id="reviewReports.budget.spent" defaultMessage="Spent" />
              </th>
            </tr>
          </thead>
          <tbody>
            {budget.data?.lines.map((line) => (
              <tr key={line.id}>
                <td>{line.period}</td>
                <td data-i18n-exempt>{line.name}</td>
                <td>{money(intl, line.amount, line.currency)}</td>
                <td>{money(intl, line.spent, line.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>
          <FormattedMessage id="reviewReports.budget.contributions" defaultMessage="Voluntary contributions (unconditional)" />
        </h3>
        <ul>
          {budget.data?.contributions.map((c) => (
            <li key={c.id}>
              {c.receivedOn}: <span data-i18n-exempt>{c.donor}</span> — {money(intl, c.amount, c.currency)}
            </li>
          ))}
        </ul>
        {sec && (
          <MiniForm
            label={<FormattedMessage id="reviewReports.budget.addContribution" defaultMessage="Record a contribution" />}
            onSubmit={async (d) => {
              await call('POST', '/review/budget/contributions', { donor: str(d, 'donor'), amount: cents(d, 'amount'), currency: str(d, 'currency').toUpperCase(), receivedOn: str(d, 'receivedOn'), unconditional: true });
              await budget.reload();
            }}
          >
            <label>
              <FormattedMessage id="reviewReports.budget.donor" defaultMessage="Donor" />
              <input name="donor" required />
            </label>
            <label>
              <FormattedMessage id="reviewReports.budget.amount" defaultMessage="Amount" />
              <input name="amount" type="number" min="0.01" step="0.01" required />
            </label>
            <label>
              <FormattedMessage id="reviewReports.budget.currency" defaultMessage="Currency (ISO code)" />
              <input name="currency" required pattern="[A-Za-z]{3}" />
            </label>
            <label>
              <FormattedMessage id="reviewReports.calendar.date" defaultMessage="Date" />
              <input name="receivedOn" type="date" required />
            </label>
          </MiniForm>
        )}
      </section>
    </section>
  );
}
