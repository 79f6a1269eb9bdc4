import { and, desc, eq, sql } from 'drizzle-orm';
import { outgoingMail } from '../../../server/db/schema';
import { peerEnv, type TestServer } from '../harness';

export interface Page {
  status: number;
  text: string;
  headers: Headers;
}

let clients = 0;

/**
 * A visitor's browser against the app: keeps cookies by path like a browser does, posts forms
 * url-encoded, and comes from its own address (its socket's peer) so the per-client sign-in limit is not shared.
 */
export class Browser {
  private readonly jar = new Map<string, { path: string; value: string }>();
  readonly ip = `198.51.100.${++clients % 250}`;

  constructor(
    private readonly server: TestServer,
    private readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader(path: string): string {
    return [...this.jar.entries()]
      .filter(([, c]) => path === c.path || path.startsWith(`${c.path}/`) || path.startsWith(`${c.path}?`))
      .map(([key, c]) => `${key.split('@')[0]}=${c.value}`)
      .join('; ');
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
      const [name, value = ''] = pair.split('=');
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const gone = attributes.some((a) => a.toLowerCase() === 'max-age=0');
      if (gone) this.jar.delete(`${name}@${path}`);
      else this.jar.set(`${name}@${path}`, { path, value });
    }
  }

  async request(method: string, path: string, form?: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
    const init: RequestInit = { method, headers: { ...this.headers, ...headers } };
    const cookie = this.cookieHeader(path);
    if (cookie) (init.headers as Record<string, string>).Cookie = cookie;
    if (form) {
      (init.headers as Record<string, string>)['Content-Type'] = 'application/x-www-form-urlencoded';
      init.body = new URLSearchParams(form).toString();
    }
    const res = await this.server.app.request(path, init, peerEnv(this.ip));
    // A sign-in link is made after the answer; wait for it as a person waits for the mail.
    await this.server.signIns.settled();
    this.keep(res);
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, undefined, headers);
  }

  post(path: string, form: Record<string, string> = {}, headers?: Record<string, string>) {
    return this.request('POST', path, form, headers);
  }

  /** The CSRF token the pages of this department carry while signed in. */
  async csrf(departmentId: number): Promise<string> {
    const page = await this.get(`/help/${departmentId}`);
    const token = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) throw new Error(`Not signed in to department ${departmentId}: ${page.status}`);
    return token;
  }

  /** Signs in through the real flow: ask for a link, take it from the recorded mail, press the button. */
  async signIn(departmentId: number, email: string): Promise<Page> {
    await this.post(`/help/${departmentId}/sign-in`, { email });
    const link = await latestLink(this.server, email);
    if (!link) throw new Error(`No sign-in link was recorded for ${email}`);
    return this.post(link);
  }
}

/** The path of the newest sign-in link mailed to an address, as the mail carries it. */
export async function latestLink(server: TestServer, email: string): Promise<string | null> {
  const [mail] = await server.database.db
    .select()
    .from(outgoingMail)
    .where(and(eq(outgoingMail.kind, 'sign_in_link'), sql`${email} = any(${outgoingMail.to})`))
    .orderBy(desc(outgoingMail.id))
    .limit(1);
  return mail ? linkIn(mail.bodyText) : null;
}

export function linkIn(text: string): string | null {
  const match = /http:\/\/help\.test(\/help\/\d+\/sign-in\/[A-Za-z0-9_-]+)/.exec(text);
  return match?.[1] ?? null;
}
