import { describe, expect, it } from 'vitest';
import type { WebmailAdapter } from '../../webmail/adapter';
import { loadFixture } from './page-helpers';

function everyCall(adapter: WebmailAdapter): unknown[] {
  return [adapter.mailbox(), adapter.folder(), adapter.recognised(), adapter.rows(), adapter.selectedThreadIds(), adapter.openThread(), adapter.mountPoints()];
}

/** What every adapter owes a page it does not recognise: "limited mode", nothing thrown, nothing touched. */
export function unknownPageContract(name: string, create: (doc: Document) => WebmailAdapter, changedFixture: string) {
  describe(`${name} adapter on a page it does not know`, () => {
    it('is not recognised when the selectors miss, and nothing throws', () => {
      const adapter = create(loadFixture(changedFixture));
      expect(() => everyCall(adapter)).not.toThrow();
      expect(adapter.recognised()).toBe(false);
      expect(adapter.rows()).toEqual([]);
      expect(adapter.selectedThreadIds()).toEqual([]);
      expect(adapter.openThread()).toBeNull();
      expect(adapter.mountPoints()).toEqual({ toolbar: null, threadPanel: null });
      expect(adapter.mailbox()).toBe('support@acme.test');
    });

    it('survives an empty page', () => {
      document.documentElement.innerHTML = '<head></head><body></body>';
      const adapter = create(document);
      expect(() => everyCall(adapter)).not.toThrow();
      expect(adapter.recognised()).toBe(false);
      expect(adapter.mailbox()).toBeNull();
    });
  });
}
