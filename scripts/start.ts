/**
 * `npm start`: build the extension, start the backend on the embedded database with the demo data
 * and the demo mailbox, create a token, and open Chromium with the extension loaded and connected.
 * `npm start -- --no-browser` does the same without a browser and prints what to do.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_EXTENSION_ORIGIN } from '../dev-extension';
import { connectExtension, DEV_EXTENSION_DIR, launchChromium } from './extension-browser';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const { values } = parseArgs({
  options: {
    'no-browser': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? './data' },
    agent: { type: 'string', default: 'admin@demo.example' },
  },
});
const dataDir = values['data-dir'];
const backendUrl = `http://127.0.0.1:${values.port}`;
// Unset, the backend accepts any extension (a production build too); a pinned list must still let in the browser opened here.
const env = process.env.CORS_ORIGINS ? { ...process.env, CORS_ORIGINS: `${process.env.CORS_ORIGINS},${DEV_EXTENSION_ORIGIN}` } : process.env;

function step(title: string, command: string, args: string[]): string {
  console.info(`▸ ${title}`);
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

step('Building the extension (development build)', bin('wxt'), ['build', '--mode', 'development']);
step('Loading the demo data (skipped when already there)', bin('tsx'), ['server/main.ts', 'seed', 'demo', '--data-dir', dataDir]);
const token = step(`Creating an API token for ${values.agent}`, bin('tsx'), ['server/main.ts', 'token', values.agent, '--label', 'npm start', '--data-dir', dataDir])
  .trim()
  .split('\n')
  .at(-1)!;

const server = spawn(bin('tsx'), ['server/main.ts', 'start', '--demo', '--port', values.port, '--data-dir', dataDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
const stopAll = () => server.kill('SIGTERM');
process.once('SIGINT', stopAll);
process.once('SIGTERM', stopAll);
server.on('exit', (code) => process.exit(code ?? 0));
await new Promise<void>((resolve) => {
  server.stdout!.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (chunk.toString().includes('listening on')) resolve();
  });
});

const howTo = `
Inbox Desk is running.
  API:            ${backendUrl}/api/v1   (OpenAPI: ${backendUrl}/api/v1/openapi.json)
  Demo mailbox:   ${backendUrl}/demo/gmail
  Extension:      ${DEV_EXTENSION_DIR}
  Agent:          ${values.agent}
  API token:      ${token}

To use it in your own Chromium or Chrome: open chrome://extensions, turn on Developer mode, "Load unpacked"
the extension folder above, open its options, enter the backend URL and the token, press Save, then open
the demo mailbox. Stop with Ctrl+C.`;

if (values['no-browser']) {
  console.info(howTo);
} else if (!process.env.DISPLAY && process.platform === 'linux') {
  console.info(`${howTo}\n\n(No display found, so no browser was opened.)`);
} else {
  const profile = path.join(dataDir, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  const context = await launchChromium({ headless: false, userDataDir: profile });
  await connectExtension(context, backendUrl, token);
  const mailbox = await context.newPage();
  await mailbox.goto(`${backendUrl}/demo/gmail`);
  console.info(howTo);
  context.on('close', stopAll);
}
