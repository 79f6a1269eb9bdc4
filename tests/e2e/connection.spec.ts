import { AGENT, expect, test } from './harness';

test.describe('connecting the extension on the options page', () => {
  test('Test connection shows the agent, roles and departments; errors are specific', async ({ context, extensionId, backend }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const url = page.getByLabel('Backend URL');
    const token = page.getByLabel('API token');
    const test = page.getByRole('button', { name: 'Test connection' });

    await url.fill('http://127.0.0.1:9');
    await token.fill(backend.tokens[AGENT]!);
    await test.click();
    await expect(page.getByRole('alert')).toContainText('Cannot reach the backend at http://127.0.0.1:9');

    await url.fill(backend.url);
    await token.fill('idk_wrong-token-0000000000');
    await test.click();
    await expect(page.getByRole('alert')).toContainText('refused the API token (401)');

    await token.fill(backend.tokens[AGENT]!);
    await test.click();
    await expect(page.getByText('Connected as')).toContainText('agent@demo.example');
    await expect(page.getByText('Agent in Support')).toBeVisible();
  });
});
