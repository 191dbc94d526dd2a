import { type Category, categoryName } from './category.ts';
import { affectedGroups, type PublicReport, type ReportStatus, timesOfDay } from './report.ts';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) as the platform speaks it: `jurisdiction_id` is the
 * city's slug, a service is a report category (its code the service code), a service request is a report. The
 * public side follows the public map's rules: sensitive categories are left out, `lat`/`long` are the centre of
 * the report's H3 cell, the description is the moderated text.
 */
export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
};

export function toService(c: Category, lang: string): Open311Service {
  return {
    service_code: c.code,
    service_name: categoryName(c, lang),
    description: categoryName(c, lang),
    metadata: true,
    type: 'realtime',
    keywords: c.code.replaceAll('-', ' '),
    group: 'safety',
  };
}

/** The attributes every service takes: when the place feels unsafe and who feels unsafe there (both optional). */
export function serviceDefinition(c: Category) {
  const list = (code: string, description: string, values: readonly string[], order: number) => ({
    variable: true,
    code,
    datatype: 'multivaluelist',
    required: false,
    datatype_description: 'one or more of the values',
    order,
    description,
    values: values.map((v) => ({ key: v, name: v })),
  });
  return {
    service_code: c.code,
    attributes: [list('times', 'Times of day when the place feels unsafe', timesOfDay, 1), list('who', 'Who feels unsafe there', affectedGroups, 2)],
  };
}

export const open311Status = (s: ReportStatus): 'open' | 'closed' => (s === 'resolved' || s === 'closed' ? 'closed' : 'open');

export function toServiceRequest(r: PublicReport, c: Category | undefined, lang: string) {
  return {
    service_request_id: r.id,
    status: open311Status(r.status),
    status_notes: r.status,
    service_name: c ? categoryName(c, lang) : r.category,
    service_code: r.category,
    description: r.description,
    agency_responsible: r.department ?? '',
    service_notice: '',
    requested_datetime: r.submittedAt.toISOString(),
    updated_datetime: r.updatedAt.toISOString(),
    expected_datetime: '',
    address: '',
    address_id: '',
    zipcode: '',
    lat: r.lat ?? '',
    long: r.lon ?? '',
    media_url: '',
  };
}
