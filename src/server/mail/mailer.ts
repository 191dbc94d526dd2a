import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { DomainError } from '../../core/errors.ts';

export type MailSettings = {
  /** `smtp://user:pass@host:587` or `smtps://…`; without it mail only goes to the folder. */
  smtpUrl?: string | undefined;
  from: string;
  /** Every mail is also written here as an .eml file (development; tests). */
  folder?: string | undefined;
};

export type OutgoingMail = { to: string; subject: string; text: string };

/**
 * Sends mail through SMTP (nodemailer) and, when a folder is set, also writes each message there as an .eml file
 * readable only by the machine's user (the messages hold single-use links).
 */
export class Mailer {
  private readonly smtp: Transporter | undefined;
  private readonly file: Transporter | undefined;

  constructor(readonly settings: MailSettings) {
    this.smtp = settings.smtpUrl ? nodemailer.createTransport(settings.smtpUrl) : undefined;
    this.file = settings.folder ? nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }) : undefined;
  }

  get configured(): boolean {
    return this.smtp !== undefined || this.file !== undefined;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.configured) {
      throw new DomainError('mail.failed', 'No mail transport is configured (SAFER_SMTP_URL or SAFER_MAIL_DIR).');
    }
    const message = { from: this.settings.from, to: mail.to, subject: mail.subject, text: mail.text };
    if (this.file && this.settings.folder) {
      const info = (await this.file.sendMail(message)) as { message: Buffer };
      mkdirSync(this.settings.folder, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      const path = join(this.settings.folder, name);
      writeFileSync(path, info.message, { mode: 0o600 });
      chmodSync(path, 0o600);
    }
    if (this.smtp) {
      try {
        await this.smtp.sendMail(message);
      } catch (err) {
        throw new DomainError('mail.failed', `The mail to ${mail.to} could not be sent: ${(err as Error).message}`);
      }
    }
  }

  close(): void {
    this.smtp?.close();
  }
}

/** A mailer that sends nothing and refuses to (the CLI, tests that send no mail). */
export const noMailer = new Mailer({ from: 'Safer Cities Platform <no-reply@localhost>' });
