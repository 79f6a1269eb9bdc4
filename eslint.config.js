// ESLint keeps the project's boundaries (DESIGN.md): core/ is pure; UI never imports webmail selectors;
// only messaging/ touches browser.runtime / browser.tabs; route files call domain modules, not the schema.
// Only rules that need no type information, so `npm run lint` stays fast; the type checker is vue-tsc.
// tests/lint/boundaries.test.ts proves each boundary rule reports a deliberate violation.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;

/** Top-level folders of the project other than core/ (computed, so a new folder is covered at once). */
const projectFolders = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'core' && d.name !== 'node_modules')
  .map((d) => d.name);

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names) => names.map(escape).join('|');

/** Patterns (for no-restricted-imports) that hold everywhere except in webmail/ and its tests. */
const SELECTORS = [
  {
    regex: '(^|/)webmail/[^/]+/selectors(\\.ts)?$',
    message: 'Selectors stay behind the webmail adapter (webmail/adapter.ts): only webmail/ imports webmail/<provider>/selectors.',
  },
];

/**
 * What core/ may not import: it is shared by the extension and the backend, so it depends on neither
 * runtime. (The last two, no project folder outside core/, keep webmail selectors out as well.)
 */
const CORE_IMPORTS = [
  {
    regex: `^(vue|pinia|@vue/.*|@vueuse/.*|wxt(/.*)?|@wxt-dev/.*|#.*|@webext-core/.*|webextension-polyfill)$`,
    message: 'core/ is pure: no Vue, Pinia, WXT or browser-extension modules.',
  },
  { regex: `^(node:.*|(${anyOf(builtinModules)})(/.*)?)$`, message: 'core/ is pure: no Node built-in modules.' },
  {
    regex: `^(drizzle-orm(/.*)?|drizzle-kit|hono(/.*)?|@hono/.*|pg(/.*)?|pg-boss|@electric-sql/.*|nodemailer(/.*)?|imapflow|mailparser|smtp-server|sanitize-html|ky|idb(/.*)?)$`,
    message: 'core/ is pure: no database, HTTP server, mail, HTTP client or IndexedDB library.',
  },
  { regex: `^(\\.\\./)+(${anyOf(projectFolders)})(/|$)`, message: 'core/ imports nothing of the project outside core/.' },
  { regex: '^(@|~|@@|~~)/', message: 'core/ imports nothing of the project outside core/ (no WXT path aliases).' },
];

/** Route files read like routes/tickets.ts: they call domain modules, which own the SQL. */
const ROUTE_IMPORTS = [
  ...SELECTORS,
  { regex: '(^|/)db/schema(\\.ts)?$', message: 'Route files call domain modules; only those reach into the database schema.' },
  { regex: '^drizzle-orm(/.*)?$', message: 'Route files call domain modules; only those build SQL with drizzle-orm.' },
];

/** Globals core/ may not touch: DOM, extension APIs and Node's process-wide objects. */
const CORE_GLOBALS = [
  ...['window', 'self', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'XMLHttpRequest', 'WebSocket'],
  ...['MutationObserver', 'requestAnimationFrame', 'customElements', 'DOMParser', 'HTMLElement', 'Element'],
  ...['browser', 'chrome'],
  ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'setImmediate'],
].map((name) => ({ name, message: `core/ is pure: no \`${name}\` (DOM, extension and Node globals belong to the extension or the server).` }));

/** Only messaging/ talks across the extension's contexts (runtime messages, tabs, extension URLs). */
const MESSAGING_ONLY = ['browser', 'chrome'].flatMap((object) =>
  ['runtime', 'tabs'].map((property) => ({ object, property, message: `Only messaging/ touches ${object}.${property}: add a small function there and call it.` })),
);

export default defineConfig(
  { ignores: ['.output/', '.wxt/', '.tools/', 'data/', 'test-results/', 'playwright-report/', 'server/db/migrations/'] },

  // --- Base: recommended JS + typescript-eslint (no type information) + Vue; layout is prettier's job.
  {
    files: ['**/*.{js,ts,vue}'],
    extends: [js.configs.recommended, tseslint.configs.recommended, pluginVue.configs['flat/recommended'], pluginVue.configs['no-layout-rules']],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // vue-tsc checks names; no-undef does not know TypeScript's globals and types.
      'no-undef': 'off',
      // The code base marks deliberately unused names with a leading underscore.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Playwright fixtures that use none of the others are written `async ({}, use) => …`.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Seed names: the pattern tests "any character outside ASCII" on purpose.
    files: ['server/db/seed/people.ts'],
    rules: { 'no-control-regex': 'off' },
  },

  // --- Boundaries.
  {
    files: ['**/*.{ts,vue}'],
    ignores: ['webmail/**', 'tests/webmail/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: SELECTORS }] },
  },
  {
    files: ['**/*.{ts,vue}'],
    ignores: ['messaging/**', 'tests/**'],
    rules: { 'no-restricted-properties': ['error', ...MESSAGING_ONLY] },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: CORE_IMPORTS }],
      'no-restricted-globals': ['error', ...CORE_GLOBALS],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'core/ imports statically, so the import rules see every dependency.' },
        { selector: 'TSImportType', message: 'core/ imports types with `import type`, so the import rules see every dependency.' },
      ],
    },
  },
  {
    files: ['server/routes/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ROUTE_IMPORTS }] },
  },
);
