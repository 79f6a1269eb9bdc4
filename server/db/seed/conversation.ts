import type { Channel } from '../../../core/schemas/ticket';
import type { comments, threads } from '../schema';
import { domainOf } from './people';
import { MINUTE, wholeSecond, type Rng } from './random';
import type { Topic } from './topics';

/** The messages of one ticket: who wrote what, when, and how the e-mails thread (RFC 5322). */

export type SeedThread = Omit<typeof threads.$inferInsert, 'ticketId'>;
export type SeedComment = Omit<typeof comments.$inferInsert, 'ticketId'>;

export interface Party {
  email: string | null;
  name: string;
  lang: 'en' | 'ja';
}
export interface Speaker {
  id: number;
  email: string;
  name: string;
}
export interface Desk {
  name: string;
  supportAddress: string;
  fromAddress: string;
}

/** A closed ticket's customer last said it worked; an open one's may still be stuck. */
const FOLLOW_UP_IN = {
  solved: {
    en: ['That worked, thank you! One more question: will this happen again after the next update?', 'Perfect, everything looks fine now. Thanks for your help.'],
    ja: ['解決しました。ありがとうございました。今後同じことが起きないか心配ですが、何か対策はありますか。', '無事に解決しました。迅速なご対応ありがとうございました。'],
  },
  pending: {
    en: [
      'Thanks for the quick answer. I tried that but it still does not work on my side — is there anything else I can check?',
      'I have attached the screenshots you asked for. Please let me know if you need anything else.',
      'Any news on this? We are waiting on it to continue.',
    ],
    ja: [
      'ご回答ありがとうございます。試してみましたが、まだ解決していません。他に確認すべき点はありますか。',
      'ご依頼のスクリーンショットを添付いたします。ご確認のほどよろしくお願いいたします。',
      'その後の状況はいかがでしょうか。ご連絡をお待ちしております。',
    ],
  },
} as const;

const FOLLOW_UP_OUT = {
  en: [
    'Thank you for checking. I have forwarded the details to our specialists and will get back to you as soon as I hear from them.',
    'Good question — we have added a safeguard so this should not happen again. I will keep this ticket open a little longer in case you need anything.',
    'Could you tell us the exact time it happened and the browser you used? That helps us find the request in our logs.',
  ],
  ja: [
    'ご確認いただきありがとうございます。担当部署に詳細を共有いたしましたので、回答があり次第ご連絡いたします。',
    '再発防止の対策を実施いたしましたので、今後は同様の事象は発生しない見込みです。',
    '発生した日時とご利用のブラウザを教えていただけますでしょうか。ログの調査に必要となります。',
  ],
} as const;

const CLOSING_OUT = {
  en: 'Glad we could sort this out. I am closing this ticket now; simply reply to this message if anything else comes up.',
  ja: '解決したとのことで安心いたしました。本件はこれにて完了とさせていただきます。ご不明な点がございましたら、本メールにご返信ください。',
} as const;

const PRIVATE_NOTES = [
  'Checked the logs: matches incident INC-2041, linking it here.',
  'Account owner, business plan — handle with priority.',
  'Waiting for engineering to confirm the fix is deployed.',
  'Asked the warehouse for photos of the returned item.',
  'Refund approved by the billing lead, amount verified against the invoice.',
  'お客様に電話で状況を説明済み。折り返し連絡待ち。',
  '経理部に確認中。回答は明日の予定。',
] as const;

const PUBLIC_NOTES = {
  en: ['We are still investigating and will update you by tomorrow at the latest.', 'Your replacement has shipped; the tracking number follows in a separate e-mail.'],
  ja: ['現在も調査を続けております。明日までに改めてご連絡いたします。', '代替品を発送いたしました。追跡番号は別途メールでお知らせします。'],
} as const;

const firstName = (p: Party) => (p.name === '' ? '' : p.lang === 'ja' ? p.name : p.name.split(' ')[0]!);

function customerText(p: Party, text: string, channel: Channel): string {
  // Chats and social posts have no letter formalities; e-mails and forms do.
  if (!['email', 'web'].includes(channel)) return text;
  if (p.lang === 'ja') return `ご担当者様\n\n${text}\n\nよろしくお願いいたします。\n${p.name}`;
  return `Hello,\n\n${text}\n\nThanks,\n${firstName(p) || 'A customer'}`;
}

function agentText(p: Party, agent: Speaker, desk: Desk, text: string): string {
  if (p.lang === 'ja') return `${p.name ? `${p.name} 様` : 'お客様'}\n\n${text}\n\n${agent.name}\n${desk.name} チーム`;
  return `Hi ${firstName(p) || 'there'},\n\n${text}\n\nBest regards,\n${agent.name}\n${desk.name} team`;
}

/** Message-IDs are looked up when replies arrive, so they must be unique across the whole seed. */
export class MessageIds {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}
  next(host: string, prefix: string): string {
    for (;;) {
      const id = `<${prefix}${this.rng.hex(16)}@${host}>`;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

export interface ConversationInput {
  rng: Rng;
  ids: MessageIds;
  channel: Channel;
  /** Channel of the newest thread; differs from the ticket's only for social tickets answered by e-mail. */
  lastChannel: Channel;
  count: number;
  subject: string;
  topic: Pick<Topic, 'ask' | 'answer'>;
  contact: Party;
  agent: Speaker;
  desk: Desk;
  cc: string[];
  closed: boolean;
  start: Date;
  end: Date;
}

const isMailed = (channel: Channel) => channel === 'email' || channel === 'web';

/** Customers appear as they do on each channel: an address, a social handle, a chat or forum name. */
function customerEnds(contact: Party, channel: Channel, desk: Desk): { from: string; to: string[] } {
  const to = isMailed(channel) ? [desk.supportAddress] : [];
  if (channel === 'social') return { from: `@${contact.email ? contact.email.split('@')[0]!.replace(/\./g, '_') : 'guest'}`, to };
  if (channel === 'im' || channel === 'forum') return { from: contact.name || 'guest', to };
  return { from: contact.email ?? 'Website visitor', to };
}

/** Mail leaves from the department's address; live channels show the agent who answered. */
function agentEnds(contact: Party, channel: Channel, desk: Desk, agent: Speaker): { from: string; to: string[] } {
  const to = contact.email && (isMailed(channel) || channel === 'phone') ? [contact.email] : [];
  return { from: isMailed(channel) ? desk.fromAddress : agent.email, to };
}

/** Customer first, then agent and customer taking turns; times spread between start and end. */
export function buildThreads(input: ConversationInput): SeedThread[] {
  const { rng, contact, agent, desk } = input;
  const times = spreadTimes(rng, input.start, input.end, input.count);
  const rows: SeedThread[] = [];
  const chain: string[] = [];
  for (let i = 0; i < input.count; i++) {
    const direction = i % 2 === 0 ? 'in' : 'out';
    const channel = i === input.count - 1 ? input.lastChannel : input.channel;
    const lang = contact.lang;
    let body: string;
    if (direction === 'in') {
      const followUps = FOLLOW_UP_IN[input.closed ? 'solved' : 'pending'][lang];
      body = customerText(contact, i === 0 ? input.topic.ask : rng.pick(followUps), channel);
    } else {
      const isClosing = input.closed && i === input.count - 1 && i > 1;
      const text = i === 1 ? input.topic.answer : isClosing ? CLOSING_OUT[lang] : rng.pick(FOLLOW_UP_OUT[lang]);
      body = agentText(contact, agent, desk, text);
    }
    const { from, to } = direction === 'in' ? customerEnds(contact, channel, desk) : agentEnds(contact, channel, desk, agent);
    const isEmail = channel === 'email';
    const messageId = isEmail
      ? input.ids.next(direction === 'in' && contact.email ? `mail.${domainOf(contact.email)}` : 'mail.demo.example', direction === 'in' ? 'CAF' : '')
      : null;
    rows.push({
      direction,
      channel,
      from,
      to,
      cc: isEmail ? input.cc : [],
      subject: i === 0 ? input.subject : `Re: ${input.subject}`,
      bodyText: body,
      messageId,
      inReplyTo: messageId ? (chain.at(-1) ?? null) : null,
      references: messageId ? [...chain] : [],
      createdAt: times[i]!,
    });
    if (messageId) chain.push(messageId);
  }
  return rows;
}

/** count increasing instants from start to at most end, with human-like gaps (minutes to a day). */
export function spreadTimes(rng: Rng, start: Date, end: Date, count: number): Date[] {
  const gaps = Array.from({ length: count - 1 }, () => rng.int(12 * MINUTE, 26 * 60 * MINUTE));
  const room = Math.max(0, end.getTime() - start.getTime());
  const total = gaps.reduce((a, b) => a + b, 0);
  const scale = total > room ? room / total : 1;
  const times = [start];
  let t = start.getTime();
  for (const gap of gaps) {
    // Each later message is at least a second after the previous, so ordering by time is stable.
    t += Math.max(1000, wholeSecond(gap * scale));
    times.push(new Date(t));
  }
  return times;
}

export function buildComments(rng: Rng, author: Speaker, lang: 'en' | 'ja', start: Date, end: Date, count: number): SeedComment[] {
  const room = Math.max(1000, end.getTime() - start.getTime());
  const rows: SeedComment[] = [];
  for (let i = 0; i < count; i++) {
    const isPublic = rng.chance(0.3);
    rows.push({
      visibility: isPublic ? 'public' : 'private',
      body: isPublic ? rng.pick(PUBLIC_NOTES[lang]) : rng.pick(PRIVATE_NOTES),
      authorAgentId: author.id,
      createdAt: new Date(wholeSecond(start.getTime() + room * rng.next())),
    });
  }
  return rows.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
}

/** Gmail thread ids are 16 hex digits (a timestamp-derived prefix, then entropy). */
export function gmailThreadId(rng: Rng): string {
  return `${rng.pick(['18', '19'])}${rng.hex(14)}`;
}

/** Outlook conversation ids are base64 blobs that start with AAQkAD. */
export function outlookConversationId(rng: Rng): string {
  return `AAQkAD${Buffer.from(rng.bytes(47)).toString('base64')}`;
}
