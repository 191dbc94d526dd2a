import type { Kysely, Selectable } from 'kysely';
import type { User, UserStatus } from '../../core/accounts/user.ts';
import type { DB, UsersTable } from '../db/schema.ts';
import { type SecretBox, sealed } from './secret-box.ts';

/** A user with the secrets the sign-in needs; never leaves the accounts services. */
export type UserCredentials = User & {
  passwordHash: string;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpLastStep: number | null;
};

/**
 * The only place with SQL for users and their recovery codes. TOTP secrets are stored sealed by `box` (AES-256-GCM,
 * bound to the user's id) and opened when read.
 */
export class UserRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly box: SecretBox,
  ) {}

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Inserts a user; undefined when the e-mail address is taken. */
  async insert(input: { email: string; displayName: string; passwordHash: string }): Promise<User | undefined> {
    const row = await this.db
      .insertInto('users')
      .values({ email: input.email, display_name: input.displayName, password_hash: input.passwordHash })
      .onConflict((oc) => oc.column('email').doNothing())
      .returningAll()
      .executeTakeFirst();
    return row && toUser(row);
  }

  async findByEmail(email: string): Promise<UserCredentials | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row && this.toCredentials(row);
  }

  async findById(id: number): Promise<UserCredentials | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.toCredentials(row);
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('id').execute();
    return rows.map(toUser);
  }

  async setPassword(id: number, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async setStatus(id: number, status: UserStatus): Promise<User | undefined> {
    const row = await this.db
      .updateTable('users')
      .set({ status, deactivated_at: status === 'deactivated' ? new Date() : null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toUser(row);
  }

  async setPendingTotp(id: number, secret: string): Promise<void> {
    await this.db.updateTable('users').set({ totp_pending_secret: this.box.seal(secret, aad(id)) }).where('id', '=', id).execute();
  }

  /** Seals the TOTP secrets stored in plaintext before encryption came; returns how many accounts had one. */
  async sealPlaintextTotp(): Promise<number> {
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'totp_secret', 'totp_pending_secret'])
      .where((eb) => eb.or([eb('totp_secret', 'not like', 'v1:%'), eb('totp_pending_secret', 'not like', 'v1:%')]))
      .execute();
    for (const r of rows) {
      const seal = (v: string | null) => (v === null || sealed(v) ? v : this.box.seal(v, aad(r.id)));
      await this.db
        .updateTable('users')
        .set({ totp_secret: seal(r.totp_secret), totp_pending_secret: seal(r.totp_pending_secret) })
        .where('id', '=', r.id)
        .execute();
    }
    return rows.length;
  }

  /** Makes the pending secret the active one, with the step of the code that confirmed it, and new recovery codes. */
  async enableTotp(id: number, step: number, recoveryCodeHashes: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set((eb) => ({ totp_secret: eb.ref('totp_pending_secret'), totp_pending_secret: null, totp_last_step: step }))
        .where('id', '=', id)
        .where('totp_pending_secret', 'is not', null)
        .execute();
      await trx.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
      if (recoveryCodeHashes.length > 0) {
        await trx
          .insertInto('recovery_codes')
          .values(recoveryCodeHashes.map((code_hash) => ({ user_id: id, code_hash })))
          .execute();
      }
    });
  }

  /** Records the step of an accepted TOTP code, unless a later one was recorded meanwhile; false then. */
  async advanceTotpStep(id: number, step: number): Promise<boolean> {
    const res = await this.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Uses a recovery code once; false when it is unknown or used. */
  async spendRecoveryCode(id: number, codeHash: string): Promise<boolean> {
    const res = await this.db
      .updateTable('recovery_codes')
      .set({ used_at: new Date() })
      .where('user_id', '=', id)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  private toCredentials(row: Selectable<UsersTable>): UserCredentials {
    const open = (v: string | null) => (v === null ? null : this.box.open(v, aad(row.id)));
    return {
      ...toUser(row),
      passwordHash: row.password_hash,
      totpSecret: open(row.totp_secret),
      totpPendingSecret: open(row.totp_pending_secret),
      totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    };
  }

  async unusedRecoveryCodes(id: number): Promise<number> {
    const row = await this.db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status === 'deactivated' ? 'deactivated' : 'active',
    totpEnabled: row.totp_secret !== null,
    createdAt: row.created_at,
  };
}

const aad = (userId: number) => `user:${userId}`;
