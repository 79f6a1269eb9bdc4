import { defineConfig } from 'wxt';
import { DEV_EXTENSION_KEY } from './dev-extension';
import { DEMO_GMAIL_MATCHES, GMAIL_MATCHES } from './webmail/matches';

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
    permissions: ['storage', 'alarms'],
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
