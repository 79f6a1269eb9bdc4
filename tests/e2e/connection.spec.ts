import { AGENT, expect, test } from './harness';

test.describe('connecting the extension on the options page', () => {
  test('Test connection shows the agent, roles and departments; errors are specific', async ({ backend, options }) => {
    const page = await options();

    await page.backendUrl.fill('http://127.0.0.1:9');
    await page.apiToken.fill(backend.tokens[AGENT]!);
    await page.testConnection.click();
    await expect(page.alert).toContainText('Cannot reach http://127.0.0.1:9: nothing answers at this address');

    await page.backendUrl.fill(backend.url);
    await page.apiToken.fill('idk_wrong-token-0000000000');
    await page.testConnection.click();
    await expect(page.alert).toContainText('refused the API token (401)');

    await page.apiToken.fill(backend.tokens[AGENT]!);
    await page.testConnection.click();
    await expect(page.connectedAs).toContainText(AGENT);
    await expect(page.page.getByText('Agent in Support')).toBeVisible();
  });
});
