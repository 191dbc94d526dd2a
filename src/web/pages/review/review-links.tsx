import { FormattedMessage } from 'react-intl';
import { AppLink } from '../../components/app-link.tsx';
import { isSecretariat, type SessionState } from '../account/session-context.tsx';
import { reviewPublicPathOf } from './public-routes.ts';

/** Links to the public calendar, and for the secretariat and the Board to publication and the Review Group's page. */
export function ReviewLinks({ state }: { state: SessionState }) {
  const board = state.status === 'signedIn' && (isSecretariat(state) || state.session.user.grants.some((g) => g.role === 'platform:board'));
  return (
    <ul className="review-links">
      <li>
        <AppLink href={reviewPublicPathOf({ page: 'calendar' })}>
          <FormattedMessage id="reviewReports.calendar.title" defaultMessage="Review calendar" />
        </AppLink>
      </li>
      {isSecretariat(state) && (
        <li>
          <AppLink href={reviewPublicPathOf({ page: 'publication' })}>
            <FormattedMessage id="reviewReports.publication.title" defaultMessage="Waiting for publication" />
          </AppLink>
        </li>
      )}
      {board && (
        <li>
          <AppLink href={reviewPublicPathOf({ page: 'governance' })}>
            <FormattedMessage id="reviewReports.governance.title" defaultMessage="Review Group, assistance and budget" />
          </AppLink>
        </li>
      )}
    </ul>
  );
}
