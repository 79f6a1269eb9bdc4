import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// DESIGN.md: core/ is pure TypeScript shared by the extension and the backend, so it may depend on
// neither side's runtime.
const CORE_DIR = fileURLToPath(new URL('../../core/', import.meta.url));

const BANNED_MODULES = ['fs', 'path', 'vue', 'wxt', 'idb', 'ky', 'hono', 'drizzle-orm', '@electric-sql/pglite'];
const BANNED_GLOBALS = ['browser', 'chrome', 'document', 'window', 'process'];

function coreFiles(): string[] {
  return readdirSync(CORE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(CORE_DIR, f))
    .sort();
}

/** Comments may mention anything; only code counts. URLs in strings keep their "//". */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function importedModules(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((m) => m[1] ?? '');
}

function isBannedModule(specifier: string): boolean {
  return specifier.startsWith('node:') || BANNED_MODULES.some((m) => specifier === m || specifier.startsWith(`${m}/`));
}

/** Every way a core source breaks purity, as readable lines. */
function impurities(source: string): string[] {
  const code = stripComments(source);
  const modules = importedModules(code).filter(isBannedModule).map((m) => `imports ${m}`);
  const globals = BANNED_GLOBALS.filter((g) => new RegExp(`(?<![\\w$.])${g}\\s*\\.`).test(code)).map((g) => `uses ${g}.`);
  return [...modules, ...globals];
}

describe('core/ stays pure (DESIGN.md: no DOM, no browser.*, no node: imports)', () => {
  const files = coreFiles();

  it('finds the core sources', () => {
    expect(files.some((f) => f.endsWith(join('rules', 'verdict.ts')))).toBe(true);
    expect(files.some((f) => f.endsWith(join('schemas', 'ticket.ts')))).toBe(true);
  });

  it.each(files.map((f) => [f.slice(CORE_DIR.length), f]))('%s imports no runtime-specific module or global', (_name, file) => {
    expect(impurities(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the check itself catches each kind of impurity', () => {
    const bad = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { ref } from 'vue';",
      "import type { Hono } from 'hono';",
      "import { eq } from 'drizzle-orm/sql';",
      "const m = await import('idb');",
      'browser.runtime.sendMessage({});',
      'chrome.storage.local.get();',
      'document.body.append(x);',
      'window . open();',
      'const env = process.env.X;',
    ].join('\n');
    expect(impurities(bad)).toEqual([
      'imports node:fs',
      'imports path',
      'imports vue',
      'imports hono',
      'imports drizzle-orm/sql',
      'imports idb',
      'uses browser.',
      'uses chrome.',
      'uses document.',
      'uses window.',
      'uses process.',
    ]);
  });

  it('the check ignores comments and look-alike names', () => {
    const fine = [
      '// the worker process. may die; document.body is not ours',
      '/* chrome.alarms retries */',
      "import { z } from 'zod';",
      "import { x } from './pathways';",
      'const myWindow = { open() {} }; myWindow.open(); obj.process.run();',
    ].join('\n');
    expect(impurities(fine)).toEqual([]);
  });
});
