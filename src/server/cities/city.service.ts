import { type City, type NewCity, newCitySchema } from '../../core/cities/city.ts';
import { DomainError } from '../../core/errors.ts';
import type { CityRepository } from './city.repository.ts';

export class CityService {
  constructor(private readonly repo: CityRepository) {}

  list(): Promise<City[]> {
    return this.repo.list();
  }

  async get(slug: string): Promise<City> {
    const city = await this.repo.findBySlug(slug);
    if (!city) throw new DomainError('city.not_found', `No city with slug "${slug}".`, { slug });
    return city;
  }

  async create(input: NewCity): Promise<City> {
    const city = newCitySchema.parse(input);
    const created = await this.repo.insert(city);
    if (!created) throw new DomainError('city.exists', `A city with slug "${city.slug}" already exists.`, { slug: city.slug });
    return created;
  }
}
