import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-vue'],
  manifest: {
    name: 'Inbox Desk',
    description: 'Helpdesk tickets, bulk actions and merges inside Gmail and Outlook on the web.',
    permissions: ['storage', 'alarms'],
  },
});
