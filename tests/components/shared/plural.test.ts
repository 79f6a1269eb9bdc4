import { describe, expect, it } from 'vitest';
import { countText, numberText } from '../../../components/shared/plural';
import { uiLocale } from '../../../components/shared/ui-locale';
import { useLocale } from '../setup';

/** Every count reads right in both catalogs: English one/other, Japanese its single form. */
describe('count messages through the plural forms', () => {
  it('English: the singular for 1, the plural for 0 and more', () => {
    expect(countText('merge.title', 1)).toBe('Merge 1 ticket');
    expect(countText('merge.title', 2)).toBe('Merge 2 tickets');
    expect(countText('timeline.messages', 0)).toBe('0 messages');
    expect(countText('bulk.createMissing', 1)).toBe('Create 1 ticket');
    expect(countText('views.count', 1)).toBe('1 ticket now');
  });

  it('English: the count is written with the locale grouping, further substitutions follow it', () => {
    expect(countText('mass.selectAll', 1234)).toBe('Select all 1,234 tickets in this view');
    expect(countText('reply.delivered', 1, 0)).toBe('0 of 1 recipient delivered');
    expect(countText('reply.delivered', 3, 2)).toBe('2 of 3 recipients delivered');
    expect(countText('selection.summary', 1, 2)).toBe('2 selected · 1 ticket');
    expect(countText('receipt.opens', 1, 'Mar 1', 'Mar 1')).toBe('opened 1 time, Mar 1');
    expect(countText('receipt.opens', 3, 'Mar 1', 'Mar 2')).toBe('opened 3 times, first Mar 1, last Mar 2');
  });

  it('Japanese: one form whatever the count, with the count in place', () => {
    useLocale('ja');
    expect(countText('merge.title', 1)).toBe('問い合わせ 1件を統合する');
    expect(countText('merge.title', 2)).toBe('問い合わせ 2件を統合する');
    expect(countText('selection.summary', 1, 2)).toBe('2件選択中 · 問い合わせ 1件');
    expect(countText('reply.delivered', 3, 2)).toBe('宛先 3件中2件に到達済み');
    expect(countText('mass.selectAll', 1234)).toContain('1,234');
  });

  it('numbers and dates follow the catalog Chrome picked', () => {
    expect([uiLocale(), numberText(200000)]).toEqual(['en', '200,000']);
    useLocale('ja');
    expect([uiLocale(), numberText(200000)]).toEqual(['ja', '200,000']);
  });
});
