import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MailDelivery, MailKind, OutboxMail, OutboxQuery, Page } from '@ca/shared';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, pageFrom } from '../../common/pagination/cursor';
import { APP_CONFIG, type AppConfig } from '../../config/env';
import { OutboxMailEntity } from './entities/outbox-mail.entity';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  kind: MailKind;
  editionId?: string | null;
}

const toOutboxMail = (e: OutboxMailEntity): OutboxMail => ({
  id: e.id,
  to: e.to,
  subject: e.subject,
  text: e.text,
  kind: e.kind as MailKind,
  editionId: e.editionId,
  createdAt: e.createdAt.toISOString(),
});

/**
 * The one way mail leaves the API. With `SMTP_URL` set, through that SMTP server (nodemailer);
 * otherwise, and whenever the server refuses a mail, the mail is written to the log and kept in
 * the `outbox` table, from where organizers copy it (`GET /api/mail/outbox`). Mail whose link
 * gives an account away (password resets) goes through SMTP or nowhere: `sendPrivate`.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /** Whether an SMTP server is configured at all (SMTP_URL). */
  get smtpConfigured(): boolean {
    return this.transport !== null;
  }

  /**
   * Never throws: a mail that cannot go out through SMTP lands in the outbox (and the log). Given
   * a transaction's `manager`, the outbox row is written in it, and a failure to write it throws
   * (so that the transaction, and whatever it records about the mail, is rolled back).
   */
  async send(message: MailMessage, manager?: EntityManager): Promise<MailDelivery> {
    if (await this.trySmtp(message, 'keeping it in the outbox')) return 'smtp';
    if (manager) {
      await manager.getRepository(OutboxMailEntity).insert({
        to: message.to,
        subject: message.subject,
        text: message.text,
        kind: message.kind,
        editionId: message.editionId ?? null,
      });
      this.logger.log(`Mail (outbox) to ${message.to}: ${message.subject}\n${message.text}`);
      return 'outbox';
    }
    try {
      await this.db.getRepository(OutboxMailEntity).insert({
        to: message.to,
        subject: message.subject,
        text: message.text,
        kind: message.kind,
        editionId: message.editionId ?? null,
      });
    } catch (err) {
      this.logger.error(`Could not keep the ${message.kind} mail to ${message.to}: ${String(err)}`);
    }
    // The log is the other place an operator without SMTP finds it (docs/api.md, issue 3).
    this.logger.log(`Mail (outbox) to ${message.to}: ${message.subject}\n${message.text}`);
    return 'outbox';
  }

  /**
   * For mail whose text must reach its addressee only: through SMTP, or not at all. It is never
   * kept in the outbox nor written to the log (organizers read the one, operators the other),
   * whatever happens. Never throws; true when the SMTP server took the mail.
   */
  async sendPrivate(message: MailMessage): Promise<boolean> {
    if (!this.transport) {
      this.logger.warn(
        `No SMTP_URL: the ${message.kind} mail to ${message.to} was not sent (this mail needs SMTP and is never kept)`,
      );
      return false;
    }
    return this.trySmtp(message, 'dropping it (this mail is never kept)');
  }

  /** True when the SMTP server took the mail; the log line names what happens otherwise. */
  private async trySmtp(message: MailMessage, otherwise: string): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      this.logger.log(`Sent ${message.kind} mail to ${message.to} through SMTP`);
      return true;
    } catch (err) {
      this.logger.error(
        `SMTP refused the ${message.kind} mail to ${message.to}; ${otherwise}: ${String(err)}`,
      );
      return false;
    }
  }

  /** The outbox, newest first; optionally one kind or one edition's mail. */
  async outbox(q: OutboxQuery): Promise<Page<OutboxMail>> {
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.db
      .getRepository(OutboxMailEntity)
      .createQueryBuilder('o')
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(q.limit + 1);
    if (q.kind) qb.andWhere('o.kind = :kind', { kind: q.kind });
    if (q.editionId) qb.andWhere('o.edition_id = :editionId', { editionId: q.editionId });
    if (cursor) qb.andWhere('(o.created_at, o.id) < (:at, :id)', { at: cursor[0], id: cursor[1] });
    const page = pageFrom(await qb.getMany(), q.limit, (r) => [r.createdAt.toISOString(), r.id]);
    return { items: page.items.map(toOutboxMail), nextCursor: page.nextCursor };
  }
}
