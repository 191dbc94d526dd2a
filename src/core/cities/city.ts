import { z } from 'zod';
import { stateByAlpha3 } from '../reference/states.ts';

/** A city's slug is its public identifier in every path (`/api/v1/cities/{city}`). */
export const citySlugSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');

export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 code in capitals, e.g. KEN')
  .refine((code) => stateByAlpha3(code) !== undefined, 'not an ISO 3166-1 alpha-3 code of a state or area');

export const timeZoneSchema = z.string().refine(isValidTimeZone, 'an IANA time zone, e.g. Africa/Nairobi');

export const newCitySchema = z.object({
  slug: citySlugSchema,
  name: z.string().trim().min(1).max(200),
  country: countryCodeSchema,
  timezone: timeZoneSchema,
});

export type NewCity = z.infer<typeof newCitySchema>;

export type City = NewCity & {
  id: number;
  createdAt: Date;
};

/** What an unauthenticated visitor may see of a city (DESIGN §4). */
export type PublicCity = Pick<City, 'slug' | 'name' | 'country'>;

export function toPublicCity(city: City): PublicCity {
  return { slug: city.slug, name: city.name, country: city.country };
}

export function isValidTimeZone(tz: string): boolean {
  if (!tz.includes('/') && tz !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
