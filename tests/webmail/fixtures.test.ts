// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureHtml } from './page-helpers';

const FIXTURES = [
  'gmail-inbox.html',
  'gmail-thread.html',
  'gmail-changed.html',
  'gmail-reading-pane-right.html',
  'gmail-reading-pane-below.html',
  'gmail-hidden-view.html',
  'gmail-priority-inbox.html',
  'gmail-multiple-inboxes.html',
  'gmail-navigation.html',
  'gmail-conversation-view-off.html',
  'gmail-long-thread.html',
  'gmail-thread-de.html',
  'outlook-inbox.html',
  'outlook-changed.html',
];

// The e2e suite serves these pages to real Chromium with the real content script: they must load
// nothing and run nothing of their own, or a test could pass for reasons that are not ours.
describe.each(FIXTURES)('fixture %s', (name) => {
  const page = new DOMParser().parseFromString(fixtureHtml(name), 'text/html');

  it('is a whole document with a title', () => {
    expect(fixtureHtml(name).startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.title).not.toBe('');
  });

  it('has no scripts, inline handlers or external resources', () => {
    expect(page.querySelectorAll('script, link, img, iframe, object, embed, video, audio, source')).toHaveLength(0);
    const attributes = [...page.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((a) => a.name));
    expect(attributes.filter((attribute) => attribute.startsWith('on') || attribute === 'src' || attribute === 'srcset')).toEqual([]);
  });
});
