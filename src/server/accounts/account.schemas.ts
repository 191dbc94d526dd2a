import { z } from 'zod';
import { roleIds, toGrantInput } from '../../core/accounts/role.ts';
import { displayNameSchema, emailSchema, passwordInputSchema, type UserWithGrants } from '../../core/accounts/user.ts';
import { UN_LANGUAGES } from '../../core/reference/un-languages.ts';
import type { SignedIn } from './auth.service.ts';

/** Request and response shapes of the accounts API (one zod schema per body, CONVENTIONS 5). */
export const grantSchema = z.object({ role: z.enum(roleIds), scope: z.string().optional() }).meta({ id: 'Grant' });

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    status: z.enum(['active', 'deactivated']),
    totpEnabled: z.boolean(),
    createdAt: z.string(),
    grants: z.array(grantSchema),
  })
  .meta({ id: 'User' });

export const secondFactorSchema = z.object({ enrolled: z.boolean(), required: z.boolean(), verified: z.boolean() });

export const sessionSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().meta({ description: 'Send it as x-csrf-token with every state-changing request of this session.' }),
    secondFactor: secondFactorSchema,
  })
  .meta({ id: 'Session' });

export const loginBodySchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: passwordInputSchema,
  totp: z.string().trim().max(32).optional().meta({ description: 'A TOTP code, or a recovery code' }),
});

export const newAccountSchema = z.object({
  email: emailSchema,
  displayName: displayNameSchema,
  password: passwordInputSchema,
});

export const tokenBodySchema = z.object({ token: z.string().min(1).max(200) });
export const languageSchema = z.enum(UN_LANGUAGES).default('en');

export function toUserDto(user: UserWithGrants): z.output<typeof userSchema> {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    totpEnabled: user.totpEnabled,
    createdAt: user.createdAt.toISOString(),
    grants: user.grants.map(toGrantInput),
  };
}

export function toSessionDto(signedIn: Omit<SignedIn, 'session'> & { csrfToken: string }): z.output<typeof sessionSchema> {
  return { user: toUserDto(signedIn.user), csrfToken: signedIn.csrfToken, secondFactor: signedIn.secondFactor };
}

export const userIdParams = z.object({ id: z.coerce.number().int().positive() });
