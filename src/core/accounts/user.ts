import { z } from 'zod';
import type { Grant } from './role.ts';

/** An e-mail address is stored trimmed and in lower case; that form identifies the account. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'an e-mail address' }));

/** Names are stored exactly as given (and escaped on output), control characters excepted. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters');

export const passwordInputSchema = z.string().min(1).max(1024);

export const userStatuses = ['active', 'deactivated'] as const;
export type UserStatus = (typeof userStatuses)[number];

export type User = {
  id: number;
  email: string;
  displayName: string;
  status: UserStatus;
  totpEnabled: boolean;
  createdAt: Date;
};

export type UserWithGrants = User & { grants: Grant[] };

/** Personal fields: the audit log names them when they change and never holds their values (DESIGN §6). */
export const personalUserFields = ['email', 'displayName'] as const;
