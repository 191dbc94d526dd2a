import { z } from 'zod';

/** The error body every route may answer with (see http/errors.ts). */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      messageId: z.string(),
      message: z.string(),
      requestId: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
} as const;
