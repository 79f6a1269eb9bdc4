import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const shared = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  // Only the components project extends this root config, so server and core tests run without WXT's plugins.
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/bench/**', 'tests/components/**', 'node_modules/**'],
        },
      },
      {
        // Vue components and the logic beside them (tests/components mirrors components/), in happy-dom with WXT's fake browser.
        extends: true,
        plugins: [vue()],
        test: { ...shared, name: 'components', include: ['tests/components/**/*.test.ts'], environment: 'happy-dom', setupFiles: ['tests/components/setup.ts'] },
      },
    ],
  },
});
