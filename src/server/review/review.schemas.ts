import { z } from 'zod';
import { reviewIdSchema } from '../../core/accounts/role.ts';
import { UN_LANGUAGES } from '../../core/reference/un-languages.ts';
import { cycleIdSchema } from '../../core/review/cycle.ts';
import { errorBodySchema } from '../http/schemas.ts';

export const tags = ['review'];
export const countryParam = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 code in capitals, e.g. KEN');
export const cycleParams = z.object({ cycle: cycleIdSchema });
export const stateReviewParams = z.object({ country: countryParam, review: reviewIdSchema });
export const reviewParams = z.object({ review: reviewIdSchema });
export const langQuery = z.object({ lang: z.enum(UN_LANGUAGES).default('en') });
export const questionIdSchema = z.string().regex(/^[a-z][a-z0-9]{1,15}$/, 'a question id such as p10');

/** Success bodies are the services' domain types as JSON (dates as ISO strings); errors as everywhere. */
export const responses = { 200: z.any(), 201: z.any(), 204: z.any(), 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema } as const;
