import { DAY, wholeSecond, type Rng } from './random';

/**
 * Who works at the demo company and who writes to it. Customer addresses use reserved `.example`
 * domains (RFC 2606) only: a demo server with real SMTP configured must never mail a stranger.
 */

export type DepartmentName = 'Support' | 'Billing' | 'Returns';
export type RoleName = 'Admin' | 'Lead' | 'Agent' | 'Billing specialist';

export interface AgentSeed {
  email: string;
  name: string;
  /** The role held in each department; a department left out means no membership there. */
  roles: Partial<Record<DepartmentName, RoleName>>;
}

/** admin@, lead@ and agent@ are the log-ins the README and the tests rely on; keep their roles as they are. */
export const AGENTS: readonly AgentSeed[] = [
  { email: 'admin@demo.example', name: '佐藤 美咲', roles: { Support: 'Admin', Billing: 'Admin', Returns: 'Admin' } },
  { email: 'lead@demo.example', name: 'Daniel Okafor', roles: { Support: 'Lead', Billing: 'Lead' } },
  { email: 'agent@demo.example', name: '田中 健太', roles: { Support: 'Agent' } },
  { email: 'priya.nair@demo.example', name: 'Priya Nair', roles: { Support: 'Admin', Returns: 'Agent' } },
  { email: 'hiroshi.yamamoto@demo.example', name: '山本 浩', roles: { Support: 'Agent', Returns: 'Lead' } },
  { email: 'hana.suzuki@demo.example', name: '鈴木 花', roles: { Support: 'Agent', Returns: 'Agent' } },
  { email: 'olivia.martin@demo.example', name: 'Olivia Martin', roles: { Billing: 'Billing specialist' } },
  { email: 'lucas.ferreira@demo.example', name: 'Lucas Ferreira', roles: { Billing: 'Agent', Returns: 'Agent' } },
];

/** Teams name agents by e-mail; every member holds a role in the team's department. */
export const TEAMS: readonly { name: string; department: DepartmentName; members: string[] }[] = [
  {
    name: 'Tier 2',
    department: 'Support',
    members: ['lead@demo.example', 'priya.nair@demo.example', 'hiroshi.yamamoto@demo.example'],
  },
  {
    name: 'Refunds',
    department: 'Billing',
    members: ['lead@demo.example', 'olivia.martin@demo.example', 'lucas.ferreira@demo.example'],
  },
];

export interface ContactSeed {
  email: string | null;
  name: string;
  account: string | null;
  deleted: boolean;
  spam: boolean;
  anonymous: boolean;
  createdAt: Date;
  /** Japanese-script names mostly write in Japanese, so their tickets pick Japanese subjects. */
  lang: 'en' | 'ja';
}

const WESTERN_FIRST = [
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Sophie',
  'James',
  'Chloe',
  'Lucas',
  'Mia',
  'Ethan',
  'Grace',
  'Oliver',
  'Hannah',
  'Jack',
  'Laura',
  'Mateo',
  'Nora',
  'Samuel',
  'Isabel',
  'Thomas',
  'Clara',
  'David',
  'Elena',
  'Marcus',
];
const WESTERN_LAST = [
  'Johnson',
  'Miller',
  'Schneider',
  'Dubois',
  'Rossi',
  'García',
  'Novak',
  'Anderson',
  'Brown',
  'Wilson',
  'Fischer',
  'Moreau',
  'Kowalski',
  'Taylor',
  'Jensen',
  'Walsh',
  'Bianchi',
  'Costa',
  'Murphy',
  'Lindqvist',
];
/** [script, romaji] so a Japanese name still gets an ASCII mailbox, as it would in real life. */
const JAPANESE_FAMILY: readonly [string, string][] = [
  ['山田', 'yamada'],
  ['中村', 'nakamura'],
  ['小林', 'kobayashi'],
  ['加藤', 'kato'],
  ['吉田', 'yoshida'],
  ['渡辺', 'watanabe'],
  ['伊藤', 'ito'],
  ['松本', 'matsumoto'],
  ['井上', 'inoue'],
  ['木村', 'kimura'],
  ['林', 'hayashi'],
  ['清水', 'shimizu'],
  ['森', 'mori'],
  ['池田', 'ikeda'],
  ['橋本', 'hashimoto'],
];
const JAPANESE_GIVEN: readonly [string, string][] = [
  ['太郎', 'taro'],
  ['花子', 'hanako'],
  ['翔太', 'shota'],
  ['陽菜', 'hina'],
  ['大輔', 'daisuke'],
  ['由美', 'yumi'],
  ['拓也', 'takuya'],
  ['さくら', 'sakura'],
  ['直樹', 'naoki'],
  ['彩', 'aya'],
  ['健一', 'kenichi'],
  ['真由美', 'mayumi'],
  ['亮', 'ryo'],
  ['愛', 'ai'],
  ['誠', 'makoto'],
];

/** Business customers: the account is shown on tickets and several people of one account write in. */
const ACCOUNTS: readonly { name: string; domain: string }[] = [
  { name: 'Northwind Traders', domain: 'northwind.example' },
  { name: 'Bluepeak Logistics', domain: 'bluepeak.example' },
  { name: 'Helios Analytics GmbH', domain: 'helios-analytics.example' },
  { name: 'Café Lumière', domain: 'cafe-lumiere.example' },
  { name: 'Greenfield Schools', domain: 'greenfield-schools.example' },
  { name: '株式会社さくら精機', domain: 'sakura-seiki.example' },
  { name: '東和トレーディング株式会社', domain: 'towa-trading.example' },
  { name: '合同会社みなと企画', domain: 'minato-kikaku.example' },
  { name: 'Orbit Fitness', domain: 'orbit-fitness.example' },
  { name: 'Kestrel Design Studio', domain: 'kestrel-design.example' },
];
const PERSONAL_DOMAINS = ['mailbox.example', 'inbox.example', 'post.example', 'webmail.example', 'mail.example'];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * ~120 ordinary customers plus the awkward ones every helpdesk has: deleted and spam contacts and
 * anonymous web visitors, which R-CC-3 and R-REPLY-3 must refuse.
 */
export function buildContacts(rng: Rng, now: Date, count = 120): ContactSeed[] {
  const taken = new Set<string>();
  const unique = (local: string, domain: string) => {
    for (let n = 1; ; n++) {
      const email = `${local}${n === 1 ? '' : n}@${domain}`;
      if (!taken.has(email)) {
        taken.add(email);
        return email;
      }
    }
  };
  const since = (maxDays: number) => new Date(wholeSecond(now.getTime() - rng.int(65, maxDays) * DAY - rng.int(0, DAY)));
  const out: ContactSeed[] = [];
  for (let i = 0; i < count; i++) {
    const company = rng.chance(0.4) ? rng.pick(ACCOUNTS) : null;
    const domain = company?.domain ?? rng.pick(PERSONAL_DOMAINS);
    const japanese = rng.chance(company && /[^\x00-\x7f]/.test(company.name) ? 0.9 : 0.35);
    let name: string;
    let local: string;
    let lang: ContactSeed['lang'] = 'en';
    if (japanese) {
      const [family, familyRomaji] = rng.pick(JAPANESE_FAMILY);
      const [given, givenRomaji] = rng.pick(JAPANESE_GIVEN);
      // Some Japanese customers sign in romaji; those write in English like everyone else.
      const script = rng.chance(0.7);
      name = script ? `${family} ${given}` : `${cap(givenRomaji)} ${cap(familyRomaji)}`;
      lang = script ? 'ja' : 'en';
      local = company ? `${givenRomaji[0]}.${familyRomaji}` : `${givenRomaji}.${familyRomaji}`;
    } else {
      const first = rng.pick(WESTERN_FIRST);
      const last = rng.pick(WESTERN_LAST);
      name = `${first} ${last}`;
      local = company ? `${ascii(first)}.${ascii(last)}` : rng.pick([`${ascii(first)}.${ascii(last)}`, `${ascii(first)}${ascii(last)[0]}`]);
    }
    const email = unique(local, domain);
    out.push({ email, name, account: company?.name ?? null, deleted: false, spam: false, anonymous: false, createdAt: since(420), lang });
  }
  const special = (seed: Partial<ContactSeed> & Pick<ContactSeed, 'name'>): ContactSeed => ({
    email: null,
    account: null,
    deleted: false,
    spam: false,
    anonymous: false,
    createdAt: since(200),
    lang: 'en',
    ...seed,
  });
  out.push(
    special({ email: unique('r.whitfield', 'mailbox.example'), name: 'Rachel Whitfield', deleted: true }),
    special({ email: unique('k.ono', 'inbox.example'), name: '小野 和也', deleted: true, lang: 'ja' }),
    special({ email: unique('offers', 'rank-booster.example'), name: 'SEO Growth Team', spam: true }),
    special({ email: unique('claim-now', 'prize-center.example'), name: 'Rewards Department', spam: true }),
    special({ name: '', anonymous: true }),
    special({ name: '', anonymous: true }),
  );
  return out;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export const isReachable = (c: Pick<ContactSeed, 'email' | 'deleted' | 'spam' | 'anonymous'>) => c.email !== null && !c.deleted && !c.spam && !c.anonymous;

export const domainOf = (email: string) => email.slice(email.indexOf('@') + 1);
