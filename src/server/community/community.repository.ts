import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import type { Category } from '../../core/community/category.ts';
import type { ModerationReport, ModerationState, ReportEvent, ReportEventKind, ReportStatus } from '../../core/community/report.ts';
import type { CommunityReportsTable, DB } from '../db/schema.ts';

export type NewReportRow = {
  cityId: number;
  publicId: string;
  followTokenHash: string;
  idempotencyKey: string | null;
  requestHash: string | null;
  source: 'api' | 'form' | 'open311';
  category: string;
  description: string;
  flags: string[];
  location:
    | { kind: 'point'; lat: number; lon: number; cell: string; publicLat: number; publicLon: number; unit: string | null }
    | { kind: 'unit'; unit: string }
    | { kind: 'landmark'; landmark: string };
  times: string[];
  days: string[];
  who: string[];
  contact: { text: string; deleteAfter: Date } | null;
  photos: { mime: string; width: number; height: number; data: Uint8Array }[];
};

export type StoredReport = ModerationReport & { rowId: number; requestHash: string | null; followTokenHash: string };

export type ReportUpdate = Partial<{
  moderation: ModerationState;
  publicDescription: string;
  status: ReportStatus;
  department: string;
  mergedInto: number;
}>;

export type NewEvent = { kind: ReportEventKind; public: boolean; status?: ReportStatus; department?: string; body?: string; actor: string };

/** The only place with SQL for community categories, settings, reports, their events, contacts and photos. */
export class CommunityRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The store's secret of that name, created with `make` the first time (two servers agree on the first). */
  async secret(name: string, make: () => string): Promise<string> {
    await this.db
      .insertInto('platform_secrets')
      .values({ name, value: make() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db.selectFrom('platform_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    return row.value;
  }

  /** Gives a city the default categories and settings it lacks (idempotent). */
  async ensureDefaults(cityId: number, categories: readonly Category[]): Promise<void> {
    await this.db.insertInto('community_settings').values({ city_id: cityId }).onConflict((oc) => oc.column('city_id').doNothing()).execute();
    const has = await this.db.selectFrom('community_categories').select('code').where('city_id', '=', cityId).limit(1).executeTakeFirst();
    if (has) return;
    await this.db
      .insertInto('community_categories')
      .values(categories.map((c, i) => ({ city_id: cityId, code: c.code, names: JSON.stringify(c.names), sensitive: c.sensitive, active: c.active, position: i })))
      .onConflict((oc) => oc.columns(['city_id', 'code']).doNothing())
      .execute();
  }

  async categories(cityId: number): Promise<Category[]> {
    const rows = await this.db.selectFrom('community_categories').selectAll().where('city_id', '=', cityId).orderBy('position').orderBy('code').execute();
    return rows.map((r) => ({ code: r.code, names: r.names, sensitive: r.sensitive, active: r.active }));
  }

  async upsertCategory(cityId: number, c: Category): Promise<void> {
    const position = await this.db
      .selectFrom('community_categories')
      .select(sql<number>`coalesce(max(position), -1) + 1`.as('next'))
      .where('city_id', '=', cityId)
      .executeTakeFirstOrThrow();
    await this.db
      .insertInto('community_categories')
      .values({ city_id: cityId, code: c.code, names: JSON.stringify(c.names), sensitive: c.sensitive, active: c.active, position: position.next })
      .onConflict((oc) =>
        oc.columns(['city_id', 'code']).doUpdateSet({ names: JSON.stringify(c.names), sensitive: c.sensitive, active: c.active }),
      )
      .execute();
  }

  async settings(cityId: number): Promise<{ contactRetentionDays: number; languages: string[] }> {
    const row = await this.db.selectFrom('community_settings').selectAll().where('city_id', '=', cityId).executeTakeFirst();
    return { contactRetentionDays: row?.contact_retention_days ?? 90, languages: row?.languages ?? [] };
  }

  async setSettings(cityId: number, s: { contactRetentionDays: number; languages: string[] }): Promise<void> {
    await this.db
      .insertInto('community_settings')
      .values({ city_id: cityId, contact_retention_days: s.contactRetentionDays, languages: JSON.stringify(s.languages) })
      .onConflict((oc) => oc.column('city_id').doUpdateSet({ contact_retention_days: s.contactRetentionDays, languages: JSON.stringify(s.languages) }))
      .execute();
  }

  /**
   * Stores a report with its contact and photos in one transaction. Returns undefined when a report with the same
   * idempotency key exists already: the unique constraint decides, so two concurrent retries never make two.
   */
  async insertReport(r: NewReportRow): Promise<StoredReport | undefined> {
    // Most reports have neither contact nor photos: one statement, one round trip, committed on its own.
    if (!r.contact && r.photos.length === 0) return this.insertRow(this.db, r);
    return this.db.transaction().execute(async (trx) => {
      const stored = await this.insertRow(trx, r);
      if (!stored) return undefined;
      if (r.contact) {
        await trx
          .insertInto('community_contacts')
          .values({ city_id: r.cityId, report_id: stored.rowId, contact: r.contact.text, delete_after: r.contact.deleteAfter })
          .execute();
      }
      for (const p of r.photos) {
        await trx
          .insertInto('community_photos')
          .values({ city_id: r.cityId, report_id: stored.rowId, mime: p.mime, width: p.width, height: p.height, data: p.data })
          .execute();
      }
      return { ...stored, photos: r.photos.length };
    });
  }

  private async insertRow(db: Kysely<DB>, r: NewReportRow): Promise<StoredReport | undefined> {
    const l = r.location;
    const row = await db
      .insertInto('community_reports')
      .values({
        city_id: r.cityId,
        public_id: r.publicId,
        follow_token_hash: r.followTokenHash,
        idempotency_key: r.idempotencyKey,
        request_hash: r.requestHash,
        source: r.source,
        category: r.category,
        description: r.description,
        flags: JSON.stringify(r.flags),
        location_kind: l.kind,
        exact_lat: l.kind === 'point' ? l.lat : null,
        exact_lon: l.kind === 'point' ? l.lon : null,
        cell: l.kind === 'point' ? l.cell : null,
        public_lat: l.kind === 'point' ? l.publicLat : null,
        public_lon: l.kind === 'point' ? l.publicLon : null,
        unit_code: l.kind === 'landmark' ? null : l.unit,
        landmark: l.kind === 'landmark' ? l.landmark : null,
        times: JSON.stringify(r.times),
        days: JSON.stringify(r.days),
        who: JSON.stringify(r.who),
      })
      .onConflict((oc) => oc.columns(['city_id', 'idempotency_key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return row && toStored(row, 0);
  }

  async byIdempotencyKey(cityId: number, key: string): Promise<StoredReport | undefined> {
    return this.one(cityId, 'idempotency_key', key);
  }

  async byFollowHash(cityId: number, hash: string): Promise<StoredReport | undefined> {
    return this.one(cityId, 'follow_token_hash', hash);
  }

  async byPublicId(cityId: number, publicId: string): Promise<StoredReport | undefined> {
    return this.one(cityId, 'public_id', publicId);
  }

  private async one(cityId: number, column: 'idempotency_key' | 'follow_token_hash' | 'public_id', value: string) {
    const row = await this.db
      .selectFrom('community_reports as r')
      .selectAll('r')
      .select((eb) =>
        eb
          .selectFrom('community_photos as p')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('p.city_id', '=', 'r.city_id')
          .whereRef('p.report_id', '=', 'r.id')
          .as('photos'),
      )
      .select((eb) => mergedPublicId(eb))
      .where('r.city_id', '=', cityId)
      .where(`r.${column}`, '=', value)
      .executeTakeFirst();
    return row && toStored(row, row.photos ?? 0, row.merged_public_id);
  }

  /** Reports for moderators, newest first: one moderation state, or all. */
  async queue(cityId: number, moderation: ModerationState | undefined, limit: number): Promise<StoredReport[]> {
    let q = this.db
      .selectFrom('community_reports as r')
      .selectAll('r')
      .select((eb) => mergedPublicId(eb))
      .where('r.city_id', '=', cityId);
    if (moderation) q = q.where('r.moderation', '=', moderation);
    const rows = await q.orderBy('r.submitted_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
    return rows.map((r) => toStored(r, 0, r.merged_public_id));
  }

  /** Applies a moderation change and records its event, in one transaction. */
  async update(cityId: number, rowId: number, change: ReportUpdate, event: NewEvent): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('community_reports')
        .set({
          ...(change.moderation ? { moderation: change.moderation } : {}),
          ...(change.publicDescription !== undefined ? { public_description: change.publicDescription } : {}),
          ...(change.status ? { status: change.status } : {}),
          ...(change.department ? { department: change.department } : {}),
          ...(change.mergedInto !== undefined ? { merged_into: change.mergedInto } : {}),
          updated_at: new Date(),
        })
        .where('city_id', '=', cityId)
        .where('id', '=', rowId)
        .execute();
      await trx
        .insertInto('community_report_events')
        .values({
          city_id: cityId,
          report_id: rowId,
          kind: event.kind,
          public: event.public,
          status: event.status ?? null,
          department: event.department ?? null,
          body: event.body ?? null,
          actor: event.actor,
        })
        .execute();
    });
  }

  async addEvent(cityId: number, rowId: number, event: NewEvent): Promise<void> {
    await this.update(cityId, rowId, {}, event);
  }

  async events(cityId: number, rowId: number, publicOnly: boolean): Promise<ReportEvent[]> {
    let q = this.db.selectFrom('community_report_events').selectAll().where('city_id', '=', cityId).where('report_id', '=', rowId);
    if (publicOnly) q = q.where('public', '=', true);
    const rows = await q.orderBy('at').orderBy('id').execute();
    return rows.map((e) => ({
      at: e.at,
      kind: e.kind as ReportEventKind,
      public: e.public,
      status: e.status as ReportStatus | null,
      department: e.department,
      body: e.body,
      actor: e.actor,
    }));
  }

  /** The exact point and the contact details of a report (for the roles that need them; the caller audits). */
  async privateDetails(cityId: number, rowId: number): Promise<{ lat: number | null; lon: number | null; contact: string | null }> {
    const row = await this.db
      .selectFrom('community_reports as r')
      .leftJoin('community_contacts as c', (j) => j.onRef('c.city_id', '=', 'r.city_id').onRef('c.report_id', '=', 'r.id'))
      .select(['r.exact_lat', 'r.exact_lon', 'c.contact'])
      .where('r.city_id', '=', cityId)
      .where('r.id', '=', rowId)
      .executeTakeFirst();
    return { lat: row?.exact_lat ?? null, lon: row?.exact_lon ?? null, contact: row?.contact ?? null };
  }

  async photos(cityId: number, rowId: number): Promise<{ id: number; mime: string; width: number; height: number; data: Uint8Array }[]> {
    return this.db
      .selectFrom('community_photos')
      .select(['id', 'mime', 'width', 'height', 'data'])
      .where('city_id', '=', cityId)
      .where('report_id', '=', rowId)
      .orderBy('id')
      .execute();
  }

  /** Deletes contact details past their retention date; returns how many. */
  async deleteExpiredContacts(now: Date): Promise<number> {
    const res = await this.db.deleteFrom('community_contacts').where('delete_after', '<=', now).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}

/** The public id of the report a merged one was merged into. */
function mergedPublicId(eb: ExpressionBuilder<DB & { r: CommunityReportsTable }, 'r'>) {
  return eb
    .selectFrom('community_reports as k')
    .select('k.public_id')
    .whereRef('k.city_id', '=', 'r.city_id')
    .whereRef('k.id', '=', 'r.merged_into')
    .as('merged_public_id');
}

function toStored(r: Selectable<CommunityReportsTable>, photos: number, mergedInto: string | null = null): StoredReport {
  return {
    rowId: r.id,
    id: r.public_id,
    requestHash: r.request_hash,
    followTokenHash: r.follow_token_hash,
    category: r.category,
    description: r.description,
    publicDescription: r.public_description,
    location: {
      kind: r.location_kind as 'point' | 'unit' | 'landmark',
      cell: r.cell,
      publicLat: r.public_lat,
      publicLon: r.public_lon,
      unit: r.unit_code,
      landmark: r.landmark,
    },
    times: r.times,
    days: r.days,
    who: r.who,
    flags: r.flags,
    moderation: r.moderation as ModerationState,
    mergedInto,
    status: r.status as ReportStatus,
    department: r.department,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    photos,
  };
}
