import { smtpSetting } from '../secrets/setting-names';
import { openSecret } from '../secrets/stored-secrets';
import { smtpMailer, type ReplyMailer } from './smtp-mailer';

/**
 * The SMTP servers mail leaves through: a department's own when it has one, else SMTP_URL, else none
 * (demo: stored, not sent). One pooled transport per server, shared by every job that uses it.
 */
export class Mailers {
  private readonly pools = new Map<string, ReplyMailer>();

  constructor(
    private readonly defaultUrl: string | null,
    private readonly open: (url: string) => ReplyMailer = smtpMailer,
  ) {}

  /** Whether mail of a department without its own server can leave (SMTP_URL is set). */
  get hasDefault(): boolean {
    return this.defaultUrl !== null;
  }

  /** Throws SecretKeyMismatch, naming the department, when its SMTP settings were saved with another key. */
  for(department: { id: number; name?: string; smtpUrl: string | null } | undefined): ReplyMailer | null {
    const url = department?.smtpUrl ? openSecret(department.smtpUrl, smtpSetting(department)) : this.defaultUrl;
    if (!url) return null;
    let mailer = this.pools.get(url);
    if (!mailer) this.pools.set(url, (mailer = this.open(url)));
    return mailer;
  }

  close(): void {
    for (const mailer of this.pools.values()) mailer.close();
    this.pools.clear();
  }
}
