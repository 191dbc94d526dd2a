import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../../core/errors.ts';
import { canUndo, type ImportBatch } from '../../core/incidents/import-batch.ts';
import type { Rejection } from '../../core/incidents/row-mapper.ts';
import type { Job } from '../../core/jobs/job.ts';
import type { CityService } from '../cities/city.service.ts';
import type { IncidentRepository } from '../incidents/incident.repository.ts';
import type { IncidentImportService } from '../incidents/incident-import.service.ts';
import type { JobService } from '../jobs/job.service.ts';
import type { ImportBatchRepository } from './import-batch.repository.ts';
import { validProfile } from './profile-check.ts';
import { formatOf } from './source-file.ts';

export const INCIDENTS_IMPORT_JOB = 'incidents.import';

export type BatchView = { batch: ImportBatch; job: Job | null };

/** Import batches: the list, one batch with its job's progress, its rejected rows, undo, and browser uploads. */
export class ImportService {
  /** Where uploads are kept (`<data dir>/uploads`); set when the import job is registered (job-handlers.ts). */
  uploadsDir: string | undefined;

  constructor(
    private readonly batches: ImportBatchRepository,
    private readonly incidents: IncidentRepository,
    private readonly cities: CityService,
    private readonly jobs: JobService,
    private readonly importer: IncidentImportService,
  ) {}

  async list(citySlug: string): Promise<ImportBatch[]> {
    const city = await this.cities.get(citySlug);
    return this.batches.list(city.id, 'incidents');
  }

  async get(citySlug: string, batchId: number): Promise<BatchView> {
    const city = await this.cities.get(citySlug);
    const batch = await this.batches.get(city.id, batchId);
    if (!batch) throw notFound(batchId);
    const job = batch.jobId === null ? null : ((await this.jobs.repo.get(batch.jobId)) ?? null);
    return { batch, job };
  }

  async rejections(citySlug: string, batchId: number): Promise<Rejection[]> {
    const city = await this.cities.get(citySlug);
    if (!(await this.batches.get(city.id, batchId))) throw notFound(batchId);
    return this.batches.rejections(city.id, batchId);
  }

  /** Removes a whole incidents batch, restoring the records it replaced, and fixes the aggregates. */
  async undo(citySlug: string, batchId: number): Promise<ImportBatch> {
    const city = await this.cities.get(citySlug);
    const batch = await this.batches.get(city.id, batchId);
    if (!batch) throw notFound(batchId);
    return this.undoBatch(batch);
  }

  /** The same, by batch id alone (`safer imports undo <batch>`). */
  async undoById(batchId: number): Promise<ImportBatch> {
    const batch = await this.batches.find(batchId);
    if (!batch) throw notFound(batchId);
    return this.undoBatch(batch);
  }

  private async undoBatch(batch: ImportBatch): Promise<ImportBatch> {
    const batchId = batch.id;
    if (batch.kind !== 'incidents' || !canUndo(batch.status)) {
      throw new DomainError('import.not_undoable', `Import ${batchId} is ${batch.status}; only a complete incidents import can be undone.`, {
        batch: batchId,
        status: batch.status,
      });
    }
    const outcome = await this.incidents.undo(batch.cityId, batchId);
    if (outcome !== 'undone') throw new DomainError('import.not_undoable', `Import ${batchId} changed state; reload and try again.`);
    return (await this.batches.get(batch.cityId, batchId))!;
  }

  /**
   * Stores an uploaded file under the data directory, checks its header against the profile, creates the batch
   * (running, so invisible) and queues the `incidents.import` job that fills it.
   */
  async upload(citySlug: string, file: { name: string; stream: Readable }, profileInput: unknown): Promise<BatchView> {
    const city = await this.cities.get(citySlug);
    const profile = validProfile(profileInput);
    const name = safeName(file.name);
    if (!formatOf(name)) {
      file.stream.resume();
      throw new DomainError('import.unsupported_format', `${name}: the file must be .csv, .tsv, .txt, .xlsx, .geojson or .json.`);
    }
    if (!this.uploadsDir) throw new DomainError('internal', 'Uploads are not configured on this server.');
    const dir = join(this.uploadsDir, 'incidents', city.slug);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, `${new Date().toISOString().replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}-${name}`);
    try {
      await pipeline(file.stream, createWriteStream(path, { mode: 0o600 }));
      if ((file.stream as Readable & { truncated?: boolean }).truncated) {
        throw new DomainError('upload.too_large', 'The file is larger than this server accepts.', { field: 'file' });
      }
      await this.importer.checkFile(path, name, profile);
      const batch = await this.batches.create({
        cityId: city.id,
        kind: 'incidents',
        source: profile.source,
        fileName: name,
        fileSha256: 'pending',
        profile,
      });
      const job = await this.jobs.enqueue(INCIDENTS_IMPORT_JOB, { city: city.slug, batchId: batch.id, path, fileName: name });
      await this.batches.setJob(city.id, batch.id, job.id);
      return { batch: { ...batch, jobId: job.id }, job };
    } catch (err) {
      await rm(path, { force: true });
      throw err;
    }
  }

  /** The stored profile of a batch (what the job imports with). */
  async profileOf(citySlug: string, batchId: number): Promise<unknown> {
    const city = await this.cities.get(citySlug);
    return this.batches.profile(city.id, batchId);
  }

  /** Whether a path is an upload this server stored (the job reads nothing else). */
  isUpload(path: string): boolean {
    if (!this.uploadsDir) return false;
    const rel = relative(resolve(this.uploadsDir), resolve(path));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  }
}

function notFound(batchId: number): DomainError {
  return new DomainError('import.not_found', `No import ${batchId} in this city.`, { batch: batchId });
}

/** A file name safe to keep: its last path part, odd characters replaced, the extension kept. */
function safeName(name: string): string {
  const base = basename(name.replaceAll('\\', '/')) || 'upload';
  const ext = extname(base).toLowerCase();
  const stem = base.slice(0, base.length - ext.length).replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'upload';
  return `${stem}${ext}`;
}
