import { cellToLatLng, latLngToCell } from 'h3-js';
import { type Actor, actorLabel } from '../../core/audit/audit-entry.ts';
import type { City } from '../../core/cities/city.ts';
import { type Category, type CategoryInput, defaultCategories } from '../../core/community/category.ts';
import { personalDataFlags } from '../../core/community/personal-data.ts';
import type { ReportEvent, ReportInput, SubmittedReport } from '../../core/community/report.ts';
import { DomainError } from '../../core/errors.ts';
import { buildUnitIndex, type UnitIndex } from '../../core/units/unit-index.ts';
import { hmacBase64url, randomBase32, randomToken, sha256Hex } from '../accounts/secrets.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import type { UnitService } from '../units/unit.service.ts';
import type { CommunityRepository, NewReportRow, StoredReport } from './community.repository.ts';

/** H3 resolution of the generalised point: cells of about 0.7 km² (edge ~460 m), never the exact point. */
export const PUBLIC_CELL_RESOLUTION = 8;
const CACHE_MS = 30_000;

export type CityContext = { city: City; categories: Category[]; contactRetentionDays: number; languages: string[] };
export type UnitContext = { index: UnitIndex; codeOf: Map<number, string>; units: { code: string; name: string }[] };
export type Photo = { mime: string; width: number; height: number; data: Uint8Array };
export type SubmitOptions = { idempotencyKey?: string | undefined; source: 'api' | 'form' | 'open311'; photos?: Photo[] };

/** What the resident sees on the private follow page: the report's public side and the public events. */
export type FollowView = { report: StoredReport; events: ReportEvent[]; category: Category | undefined };

/**
 * Reports of unsafe places (issue 7): categories and settings per city, durable submission with idempotency keys,
 * generalisation of the place at write time, the private follow link.
 */
export class CommunityService {
  private readonly cityCache = new Map<string, { at: number; value: Promise<CityContext> }>();
  private readonly unitCache = new Map<number, { at: number; value: Promise<UnitContext> }>();
  private key: Promise<string> | undefined;

  constructor(
    readonly repo: CommunityRepository,
    private readonly cities: CityService,
    private readonly units: UnitService,
    private readonly audit: AuditService,
  ) {}

  /** The city with its categories and settings (defaults given on first use), cached for a few seconds. */
  async context(slug: string): Promise<CityContext> {
    const hit = this.cityCache.get(slug);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = (async () => {
      const city = await this.cities.get(slug);
      await this.repo.ensureDefaults(city.id, defaultCategories);
      const [categories, settings] = await Promise.all([this.repo.categories(city.id), this.repo.settings(city.id)]);
      return { city, categories, ...settings };
    })();
    this.cityCache.set(slug, { at: Date.now(), value });
    value.catch(() => this.cityCache.delete(slug));
    return value;
  }

  /** The finest units valid now, with the point → unit index, cached per city. */
  async unitContext(city: City): Promise<UnitContext> {
    const hit = this.unitCache.get(city.id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = (async () => {
      const all = await this.units.list(city.slug, {});
      const finest = all.reduce((m, u) => Math.max(m, u.level), 0);
      const units = all.filter((u) => u.level === finest);
      return {
        index: buildUnitIndex(units),
        codeOf: new Map(units.map((u) => [u.id, u.code])),
        units: units.map((u) => ({ code: u.code, name: u.name })),
      };
    })();
    this.unitCache.set(city.id, { at: Date.now(), value });
    value.catch(() => this.unitCache.delete(city.id));
    return value;
  }

  /** The key of the follow links and form tokens, kept in the store (the same for every server on it). */
  hmacKey(): Promise<string> {
    this.key ??= this.repo.secret('community.hmac', () => randomToken(32));
    return this.key;
  }

  async categories(slug: string): Promise<Category[]> {
    return (await this.context(slug)).categories;
  }

  async setCategory(slug: string, input: CategoryInput, actor: Actor): Promise<Category[]> {
    const { city } = await this.context(slug);
    await this.repo.upsertCategory(city.id, input);
    this.cityCache.delete(slug);
    await this.audit.record(actor, {
      action: 'community.category_set',
      target: { type: 'community_category', id: input.code },
      scope: { kind: 'city', id: slug },
      fields: ['names', 'sensitive', 'active'],
    });
    return this.categories(slug);
  }

  async setSettings(slug: string, s: { contactRetentionDays: number; languages: string[] }, actor: Actor) {
    const { city } = await this.context(slug);
    await this.repo.setSettings(city.id, s);
    this.cityCache.delete(slug);
    await this.audit.record(actor, {
      action: 'community.settings_set',
      target: { type: 'community_settings', id: slug },
      scope: { kind: 'city', id: slug },
      fields: Object.keys(s),
    });
    return s;
  }

  /**
   * Stores a report and answers with its public id and the private follow token. With an idempotency key, a retry
   * (the same key and the same content) returns the first answer and creates nothing; the same key with other
   * content is refused (409). The report is committed before this returns.
   */
  async submit(slug: string, input: ReportInput, opts: SubmitOptions): Promise<{ answer: SubmittedReport; replayed: boolean }> {
    const ctx = await this.context(slug);
    const category = ctx.categories.find((c) => c.code === input.category && c.active);
    if (!category) {
      throw new DomainError('community.category_unknown', `No category "${input.category}" in ${slug}.`, { field: 'category' });
    }
    const key = await this.hmacKey();
    const requestHash = sha256Hex(JSON.stringify(input));
    const idem = opts.idempotencyKey;
    const followToken = idem ? hmacBase64url(key, `follow:${ctx.city.id}:${idem}`) : randomToken(32);
    const row: NewReportRow = {
      cityId: ctx.city.id,
      publicId: randomBase32(10),
      followTokenHash: sha256Hex(followToken),
      idempotencyKey: idem ?? null,
      requestHash: idem ? requestHash : null,
      source: opts.source,
      category: category.code,
      description: input.description,
      flags: personalDataFlags(`${input.description}\n${'landmark' in input.location ? input.location.landmark : ''}`),
      location: await this.place(ctx.city, input.location),
      times: input.when.times,
      days: input.when.days,
      who: input.who,
      contact: input.contact ? { text: input.contact, deleteAfter: new Date(Date.now() + ctx.contactRetentionDays * 86_400_000) } : null,
      photos: opts.photos ?? [],
    };
    const stored = await this.repo.insertReport(row);
    if (!stored) {
      // A request with the same key was stored first (a retry, or a twin racing this one): answer as it did.
      const first = await this.repo.byIdempotencyKey(ctx.city.id, idem!);
      if (!first) throw new Error('idempotency conflict without a stored report');
      return { answer: this.replay(first, requestHash, key, ctx.city.id, idem!), replayed: true };
    }
    return { answer: answerOf(stored, followToken), replayed: false };
  }

  private replay(first: StoredReport, requestHash: string, key: string, cityId: number, idem: string): SubmittedReport {
    if (first.requestHash !== requestHash) {
      throw new DomainError('community.idempotency_mismatch', 'This Idempotency-Key was used for another report; use a new key.', {
        field: 'Idempotency-Key',
      });
    }
    return answerOf(first, hmacBase64url(key, `follow:${cityId}:${idem}`));
  }

  /** Generalises the place at write time: the H3 cell and its centre, and the unit the point falls in. */
  private async place(city: City, location: ReportInput['location']): Promise<NewReportRow['location']> {
    if ('landmark' in location) return { kind: 'landmark', landmark: location.landmark };
    const units = await this.unitContext(city);
    if ('unit' in location) {
      if (!units.units.some((u) => u.code === location.unit)) {
        throw new DomainError('community.unit_unknown', `No unit "${location.unit}" in ${city.slug}.`, { field: 'location.unit' });
      }
      return { kind: 'unit', unit: location.unit };
    }
    const cell = latLngToCell(location.lat, location.lon, PUBLIC_CELL_RESOLUTION);
    const [publicLat, publicLon] = cellToLatLng(cell);
    const id = units.index.locate(location.lon, location.lat);
    const unit = id === undefined ? null : (units.codeOf.get(id) ?? null);
    return { kind: 'point', lat: location.lat, lon: location.lon, cell, publicLat, publicLon, unit };
  }

  /** The report behind a private follow link, with its public events. */
  async follow(slug: string, token: string): Promise<FollowView> {
    const ctx = await this.context(slug);
    const report = await this.repo.byFollowHash(ctx.city.id, sha256Hex(token));
    if (!report) throw new DomainError('community.report_not_found', 'No report behind this link.');
    const events = await this.repo.events(ctx.city.id, report.rowId, true);
    return { report, events, category: ctx.categories.find((c) => c.code === report.category) };
  }

  /** The resident adds to their report through the follow link; the addition waits for moderation like the rest. */
  async addToReport(slug: string, token: string, text: string): Promise<FollowView> {
    const ctx = await this.context(slug);
    const report = await this.repo.byFollowHash(ctx.city.id, sha256Hex(token));
    if (!report) throw new DomainError('community.report_not_found', 'No report behind this link.');
    await this.repo.addEvent(ctx.city.id, report.rowId, { kind: 'addition', public: false, body: text, actor: actorLabel({ kind: 'anonymous' }) });
    return this.follow(slug, token);
  }

  /** Deletes contact details past the retention period each city set (the retention job). */
  async deleteExpiredContacts(now = new Date()): Promise<number> {
    const n = await this.repo.deleteExpiredContacts(now);
    if (n > 0) {
      await this.audit.record(
        { kind: 'system', name: 'worker' },
        { action: 'community.contacts_deleted', target: { type: 'community_contact', id: null }, fields: ['contact'] },
      );
    }
    return n;
  }
}

function answerOf(r: StoredReport, followToken: string): SubmittedReport {
  return { id: r.id, followToken, status: 'received', submittedAt: r.submittedAt.toISOString(), flags: r.flags };
}
