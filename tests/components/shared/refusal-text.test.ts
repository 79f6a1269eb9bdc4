import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import RefusalText from '../../../components/shared/RefusalText.vue';
import { errorText, failureText, refusalSentence, verdictReason } from '../../../components/shared/refusal-text';
import { checkViewAllowsJob } from '../../../core/rules/view-scope';
import { checkOperationAllowed } from '../../../core/rules/bulk-limits';
import { MessageFailure } from '../../../messaging/send';
import { useLocale } from '../setup';

const spamView = checkViewAllowsJob({ kind: 'spam', filter: {}, name: 'Spam' }, 'bulk');
const refused = spamView.ok ? null : spamView.violations[0]!;

describe('RefusalText: a refusal as a plain sentence (issue 26, issue 24 item 4)', () => {
  it('says it in English without the rule code, which is in the tooltip', () => {
    const text = mount(RefusalText, { props: { refusal: refused! } });
    expect(text.text()).toBe('No bulk or mass action runs in the view "Spam" because it is the spam view. Open a normal view of the department to act on these tickets.');
    expect(text.text()).not.toMatch(/R-BULK/);
    expect(text.attributes('title')).toBe('Why: rule R-BULK-4 (see RULES.md)');
    expect(text.attributes('data-rule')).toBe('R-BULK-4');
  });

  it('says it in Japanese when the UI is Japanese, with the rule code in the tooltip', () => {
    useLocale('ja');
    const text = mount(RefusalText, { props: { refusal: refused! } });
    expect(text.text()).toBe(
      'ビュー「Spam」はスパムの問い合わせのビューのため、一括処理も大量一括処理も実行できません。これらの問い合わせを処理するには、部門の通常のビューを開いてください。',
    );
    expect(text.attributes('title')).toBe('理由: ルール R-BULK-4(RULES.md を参照)');
  });

  it('moves the rule code of an older "R-…: words" reason to the tooltip', () => {
    const text = mount(RefusalText, { props: { refusal: { message: 'R-BULK-11: #12 is in the trash.' } } });
    expect(text.text()).toBe('#12 is in the trash.');
    expect(text.attributes('data-rule')).toBe('R-BULK-11');
  });

  it('gives a disabled control its reason as a sentence in the UI language', () => {
    useLocale('ja');
    expect(verdictReason(checkOperationAllowed('move', 'bulk', false))).toBe('「移動する」は一括処理では実行できません。ビューに対する大量一括処理を使ってください。');
    expect(verdictReason({ ok: true })).toBeNull();
  });

  it('says backend errors by their code in Japanese, and a listed refusal as its sentence', () => {
    useLocale('ja');
    expect(failureText(new MessageFailure({ code: 'NOT_FOUND', message: 'Ticket 9 was not found.' }))).toBe(
      '見つかりませんでした。削除されたか、別の部門に移動された可能性があります。',
    );
    expect(errorText({ code: 'RATE_LIMITED', message: 'Too many requests.' })).toBe('リクエストが多すぎます。少し待ってから、もう一度お試しください。');
    const error = { code: 'RULE_VIOLATION' as const, rule: 'R-BULK-4', message: refused!.message, details: { violations: [refused] } };
    expect(errorText(error)).toBe(refusalSentence(refused!));
    expect(errorText(error)).toMatch(/^ビュー「Spam」/);
  });

  it('keeps the backend words in English', () => {
    expect(failureText(new MessageFailure({ code: 'NOT_FOUND', message: 'Ticket 9 was not found.' }))).toBe('Ticket 9 was not found.');
    expect(failureText(new Error('offline'))).toBe('offline');
  });
});
