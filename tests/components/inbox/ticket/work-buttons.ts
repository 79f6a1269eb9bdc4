import type { DOMWrapper, VueWrapper } from '@vue/test-utils';

/** The button whose accessible name (its aria-label, else its text) is exactly `name`: what screen readers and e2e tests use. */
export function buttonNamed(wrapper: VueWrapper | DOMWrapper<Element>, name: string): DOMWrapper<HTMLButtonElement> {
  const found = wrapper.findAll('button').filter((b) => (b.attributes('aria-label') ?? b.text().trim()) === name);
  if (found.length !== 1)
    throw new Error(
      `${found.length} buttons named "${name}"; named: ${wrapper
        .findAll('button')
        .map((b) => b.attributes('aria-label') ?? b.text().trim())
        .join(' | ')}`,
    );
  return found[0] as DOMWrapper<HTMLButtonElement>;
}

/** Whether the button says it cannot work now (ReasonButton), and why. */
export function reasonOf(wrapper: VueWrapper | DOMWrapper<Element>, button: DOMWrapper<HTMLButtonElement>): string | null {
  if (button.attributes('aria-disabled') !== 'true') return null;
  const id = button.attributes('aria-describedby');
  return id ? wrapper.get(`#${id}`).text() : '';
}
