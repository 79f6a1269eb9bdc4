import { describe, expect, it } from 'vitest';
import { en } from '../../../core/refusals/catalogue-en';
import { ja } from '../../../core/refusals/catalogue-ja';
import { isRefusalKey, list, phrase, refusal, renderRefusal } from '../../../core/refusals/refusal';
import { checkSecondaryContacts } from '../../../core/rules/cc-rules';
import { checkViewAllowsJob } from '../../../core/rules/view-scope';
import { checkTicketActionable } from '../../../core/rules/ticket-state';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const unique = (names: (string | undefined)[]) => [...new Set(names)];

describe('refusal catalogue (issue 24 item 4)', () => {
  it('has every key in both languages, and nothing more in either', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(ja[key as keyof typeof en].trim(), key).not.toBe('');
  });

  it('uses the same parameters in both languages, so none is dropped or invented', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(unique(placeholders(ja[key as keyof typeof en])), key).toEqual(unique(placeholders(text)));
    }
  });

  it('says every Japanese text in Japanese, without a rule code in the sentence', () => {
    for (const [key, text] of Object.entries(ja)) {
      expect(text, key).toMatch(/[\u3000-\u30ff\u4e00-\u9fff]/);
      expect(text, key).not.toMatch(/R-[A-Z]+-\d/);
    }
  });

  it('substitutes ticket numbers, limits and names in both languages', () => {
    const params = { number: 1260, primary: 1287 };
    expect(renderRefusal('en', 'ticket.mergedInto', params)).toBe('#1260 was merged into #1287; act on #1287 instead.');
    expect(renderRefusal('ja', 'ticket.mergedInto', params)).toBe('問い合わせ #1260 は #1287 に統合されています。#1287 に対して操作してください。');
    expect(renderRefusal('ja', 'merge.tooMany', { count: 7, max: 5, fewer: 2 })).toBe('7件選択されていますが、一度に統合できるのは最大5件です。2件減らしてください。');
  });

  it('says phrases and lists inside a refusal in the same language', () => {
    const v = refusal('R-BULK-2', 'bulk.notMass', { operation: phrase('op.close', {}), max: 50 });
    expect(v.message).toBe('Close cannot run as a mass action; select at most 50 tickets and run it as a bulk action.');
    expect(renderRefusal('ja', v.key as keyof typeof en, v.params!)).toBe(
      '「完了する」は大量一括処理では実行できません。問い合わせを最大50件まで選択し、一括処理として実行してください。',
    );
    const reasons = list([phrase('cc.reason.spam', {}), phrase('cc.reason.agent', {})], 'and');
    expect(renderRefusal('en', 'cc.refused', { address: 'a@x.co', reasons })).toBe("a@x.co cannot be a secondary contact: it is a spam contact and an agent's address.");
    expect(renderRefusal('ja', 'cc.refused', { address: 'a@x.co', reasons })).toBe('a@x.co はサブの連絡先(CC)にできません。理由: スパムの連絡先です、担当者のアドレスです。');
  });

  it('gives each rule violation its key and params, and the English message as before', () => {
    const view = checkViewAllowsJob({ kind: 'spam', filter: {}, name: 'Spam' }, 'bulk');
    expect(view.ok ? null : view.violations[0]).toEqual({
      rule: 'R-BULK-4',
      key: 'view.noActions',
      params: { view: 'Spam', kind: { key: 'view.kind.spam', params: {} } },
      message: 'No bulk or mass action runs in the view "Spam" because it is the spam view. Open a normal view of the department to act on these tickets.',
    });
    const trashed = checkTicketActionable({ id: 3, number: 1260, spam: false, trashedAt: new Date(), mergedIntoId: null }, 'close');
    expect(trashed.ok ? null : trashed.violations[0]).toMatchObject({ rule: 'R-BULK-11', key: 'ticket.trashed', params: { number: 1260 }, ticketId: 3 });
    const { verdict } = checkSecondaryContacts({
      department: { name: 'Support', supportAddresses: [], fromAddresses: [] },
      agentEmails: ['agent@demo.example'],
      candidates: [{ email: 'agent@demo.example', contact: null }],
    });
    const cc = verdict.ok ? null : verdict.violations[0]!;
    expect(cc?.key).toBe('cc.refused');
    expect(renderRefusal('ja', 'cc.refused', cc!.params!)).toBe('agent@demo.example はサブの連絡先(CC)にできません。理由: 担当者のアドレスです。');
  });

  it('knows its own keys only', () => {
    expect(isRefusalKey('merge.tooFew')).toBe(true);
    expect(isRefusalKey('constructor')).toBe(false);
    expect(isRefusalKey(undefined)).toBe(false);
  });
});
