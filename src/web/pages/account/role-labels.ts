import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { Grant } from './account-api.ts';

const roles = defineMessages({
  'platform:secretariat': { id: 'account.role.secretariat', defaultMessage: 'Secretariat administrator' },
  'platform:board': { id: 'account.role.board', defaultMessage: 'Executive Board or Review Group member' },
  'platform:observer': { id: 'account.role.observer', defaultMessage: 'Observer (read-only)' },
  'language:translator': { id: 'account.role.translator', defaultMessage: 'Translator' },
  'country:focal_point': { id: 'account.role.focalPoint', defaultMessage: 'Focal point' },
  'country:expert': { id: 'account.role.expert', defaultMessage: 'Governmental expert' },
  'review:peer_reviewer': { id: 'account.role.peerReviewer', defaultMessage: 'Peer reviewer' },
  'city:administrator': { id: 'account.role.cityAdministrator', defaultMessage: 'City administrator' },
  'city:analyst': { id: 'account.role.analyst', defaultMessage: 'Analyst' },
  'city:moderator': { id: 'account.role.moderator', defaultMessage: 'Moderator' },
  'city:viewer': { id: 'account.role.viewer', defaultMessage: 'Viewer' },
  'city:open311_client': { id: 'account.role.open311Client', defaultMessage: 'Open311 client' },
});

const byRole = new Map<string, MessageDescriptor>(Object.entries(roles));

/** A role in the reader's language, with its scope (a city, a country code, a language, a review) when it has one. */
export function grantLabel(intl: IntlShape, grant: Grant): string {
  const descriptor = byRole.get(grant.role);
  const role = descriptor ? intl.formatMessage(descriptor) : grant.role;
  return grant.scope ? intl.formatMessage({ id: 'account.grant', defaultMessage: '{role} — {scope}' }, { role, scope: grant.scope }) : role;
}
