import { defineConfig } from 'wxt';
import { DEV_EXTENSION_KEY } from './dev-extension';
import { DEMO_GMAIL_MATCHES, GMAIL_MATCHES } from './webmail/matches';

const ICONS = { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' };

export default defineConfig({
  modules: ['@wxt-dev/module-vue', '@wxt-dev/i18n/module'],
  vue: {
    vite: {
      // Gmail enforces Trusted Types: never let the compiler turn static markup into innerHTML strings.
      template: { compilerOptions: { hoistStatic: false } },
    },
  },
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission is explained in the README ("Permissions and why").
    permissions: ['storage', 'alarms'],
    // Asked for on the options page, one backend origin at a time, only when the backend's answers are blocked by CORS.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    icons: ICONS,
    action: { default_icon: ICONS },
    // An administrator sets the backend URL for every agent through policy (README "Deploying to a fleet").
    storage: { managed_schema: 'managed_schema.json' },
    ...(mode === 'production' ? {} : { key: DEV_EXTENSION_KEY }),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode === 'production') return;
      const gmail = manifest.content_scripts?.find((script) => script.matches?.includes(GMAIL_MATCHES[0]!));
      gmail?.matches?.push(...DEMO_GMAIL_MATCHES);
      // The shadow-root UI loads its CSS as a web-accessible resource: the demo origin needs it too.
      const css = manifest.web_accessible_resources?.find((r) => typeof r === 'object' && r.resources.includes('content-scripts/gmail.css'));
      if (css && typeof css === 'object') css.matches?.push(...DEMO_GMAIL_MATCHES.map((m) => `${new URL(m.replace('*', '')).origin}/*`));
    },
  },
});
