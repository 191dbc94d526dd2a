import { type Actor, operatorActor } from '../../core/audit/audit-entry.ts';
import { type City, type NewCity, newCitySchema } from '../../core/cities/city.ts';
import { DomainError } from '../../core/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityRepository } from './city.repository.ts';

export class CityService {
  constructor(
    private readonly repo: CityRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<City[]> {
    return this.repo.list();
  }

  async get(slug: string): Promise<City> {
    const city = await this.repo.findBySlug(slug);
    if (!city) throw new DomainError('city.not_found', `No city with slug "${slug}".`, { slug });
    return city;
  }

  /**
   * Creates a city and records it in the audit log. Routes pass the request's actor; a direct call (the CLI, the
   * demo loader) is the system operator, whoever runs the machine.
   */
  async create(input: NewCity, actor: Actor = operatorActor): Promise<City> {
    const city = newCitySchema.parse(input);
    const created = await this.repo.insert(city);
    if (!created) throw new DomainError('city.exists', `A city with slug "${city.slug}" already exists.`, { slug: city.slug });
    await this.audit.record(actor, {
      action: 'city.create',
      target: { type: 'city', id: created.slug },
      scope: { kind: 'city', id: created.slug },
      fields: Object.keys(city),
    });
    return created;
  }
}
