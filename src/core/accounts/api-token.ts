import { z } from 'zod';
import { grantInputSchema, needsSecondFactor, type RoleId } from './role.ts';

/**
 * API tokens for machines (issue 4): scheduled imports, Open311 clients. A token is `sct_` and 43 characters of
 * base64url (256 random bits), shown once when it is made; the store keeps its SHA-256 and its first characters
 * (`prefix`, for people to recognise it in a list). A token carries grants like a person and the same access rules
 * apply, but it never counts as having passed a second factor: it may not carry a role that needs one
 * (secretariat, focal point), and it is not a signed-in person (routes open to any signed-in person refuse it).
 */
export const apiTokenPrefix = 'sct_';
export const apiTokenPattern = /^sct_[A-Za-z0-9_-]{43}$/;
/** Characters of the secret kept in clear for display: `sct_` and eight more. */
export const apiTokenDisplayLength = 12;

export const apiTokenMaxDays = 366;
export const apiTokenDefaultDays = 90;

/** Whether a token may carry this role: not one that needs a second factor. */
export function tokenMayCarry(role: RoleId): boolean {
  return !needsSecondFactor(role);
}

export const apiTokenNameSchema = z.string().trim().min(1).max(100);
export const apiTokenDaysSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(apiTokenMaxDays)
  .default(apiTokenDefaultDays)
  .meta({ description: `Days until the token expires (at most ${apiTokenMaxDays}).` });

export const newApiTokenSchema = z.object({
  name: apiTokenNameSchema.meta({ description: 'What the token is for, e.g. "Open311 gateway"' }),
  grants: z.array(grantInputSchema).min(1).max(20),
  expiresInDays: apiTokenDaysSchema,
});
export type NewApiToken = z.output<typeof newApiTokenSchema>;
