import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export type MailResult =
  | { ok: true; messageId: string }
  /** `transient`: worth retrying later (4xx answer, connection trouble); otherwise the server refused for good. */
  | { ok: false; transient: boolean; reason: string };

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** Sends email over SMTP, configured from the environment; one pooled connection per process. */
@Injectable()
export class MailService implements OnModuleDestroy {
  private transport: Transporter | undefined;

  constructor(private readonly config: AppConfig) {}

  async send(mail: OutgoingMail): Promise<MailResult> {
    try {
      const info = (await this.transporter().sendMail({
        from: this.config.MAIL_FROM,
        ...mail,
      })) as { messageId: string };
      return { ok: true, messageId: info.messageId };
    } catch (error) {
      return classify(error as SmtpError);
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private transporter(): Transporter {
    this.transport ??= createTransport(
      this.config.SMTP_URL
        ? this.config.SMTP_URL
        : {
            host: this.config.SMTP_HOST,
            port: this.config.SMTP_PORT,
            secure: this.config.SMTP_SECURE,
            auth: this.config.SMTP_USER
              ? { user: this.config.SMTP_USER, pass: this.config.SMTP_PASS }
              : undefined,
            pool: true,
            maxConnections: 2,
            connectionTimeout: 10_000,
            greetingTimeout: 10_000,
            socketTimeout: 30_000,
          },
    );
    return this.transport;
  }
}

function classify(error: SmtpError): MailResult {
  const status = error.responseCode;
  const reason = (error.response ?? error.message ?? 'SMTP error').slice(
    0,
    500,
  );
  if (status !== undefined)
    return { ok: false, transient: status >= 400 && status < 500, reason };
  // No SMTP answer at all: the server was unreachable or the connection dropped.
  return {
    ok: false,
    transient: true,
    reason: `${error.code ?? 'ERROR'}: ${reason}`,
  };
}
