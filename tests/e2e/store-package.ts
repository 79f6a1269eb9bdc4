import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * `npm run zip` as on a clean clone: only the files git would commit (tracked and not ignored),
 * no .output, no .wxt, the installed node_modules linked in. Answers the zip and the folder it
 * was unpacked to, which Chromium loads as the store would install it (random id, production mode).
 */
export function buildStorePackage(): { zip: string; unpacked: string } {
  const clone = mkdtempSync(path.join(tmpdir(), 'inbox-desk-clone-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(path.join(root, file))) continue; // deleted in the work tree, not yet committed
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(clone, file));
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
  execFileSync(npm, ['run', 'zip', '--silent'], { cwd: clone, stdio: 'pipe', env: { ...process.env, CI: '1' } });
  const output = path.join(clone, '.output');
  const zip = readdirSync(output).find((name) => name.endsWith('-chrome.zip'));
  if (!zip) throw new Error(`npm run zip left no *-chrome.zip in ${output}: ${readdirSync(output).join(', ')}`);
  const unpacked = path.join(clone, 'unpacked');
  execFileSync('unzip', ['-q', path.join(output, zip), '-d', unpacked]);
  return { zip: path.join(output, zip), unpacked };
}
