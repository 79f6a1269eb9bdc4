import { parseArgs } from 'node:util';
import { CliError, dsn, ingest, migrate, seed, start, token } from './cli-commands';
import { ConfigError, loadConfig } from './config';
import { DataDirInUseError } from './db/data-dir-lock';
import { describeError } from './http/error-report';

const USAGE = `Usage: npm run server -- <command> [options]

Commands:
  start [--port 8787] [--host 127.0.0.1] [--data-dir ./data] [--seed demo] [--demo]
                       migrate, optionally seed, and serve the API (--demo: also the demo mailbox at /demo/gmail)
  migrate [--data-dir D]            apply database migrations
  seed demo [--data-dir D]          load the demo data set (does nothing if already there)
  token <agent-email> [--label L] [--data-dir D]
                       create an API token; printed alone on the last line
  dsn <file> [--data-dir D]         mark the recipient of a saved bounce (RFC 3464 message) as bounced
  ingest --once [--data-dir D]      read every enabled mailbox once (IMAP) and print what became of the mail;
                       exits 1 when a mailbox cannot be read. Without --once: keep reading until stopped

Environment: DATABASE_URL (PostgreSQL instead of the embedded database), SECRET_KEY (encrypts stored SMTP/IMAP passwords;
  required with DATABASE_URL, else kept in <data dir>/secret.key), PORT, DATA_DIR, SMTP_URL, REPLY_UNDO_SECONDS, CORS_ORIGINS,
  TRUSTED_PROXIES (proxies whose X-Forwarded-For is believed).`;

async function main(argv: string[]) {
  const config = loadConfig();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      seed: { type: 'string' },
      demo: { type: 'boolean', default: false },
      label: { type: 'string', default: 'cli' },
      once: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, arg] = positionals;
  const common = { dataDir: values['data-dir'] ?? config.DATA_DIR };
  if (values.help || !command) return console.info(USAGE);
  switch (command) {
    case 'start': {
      const port = values.port === undefined ? config.PORT : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number, not "${values.port}".`);
      return start(config, { ...common, port, host: values.host, demo: values.demo, ...(values.seed ? { seed: values.seed } : {}) });
    }
    case 'migrate':
      return migrate(config, common);
    case 'seed':
      return seed(config, common, arg ?? 'demo');
    case 'token':
      if (!arg) throw new CliError('Name the agent: npm run server -- token <agent-email>');
      return token(config, common, arg, values.label);
    case 'dsn':
      if (!arg) throw new CliError('Name the bounce message file: npm run server -- dsn <file>');
      return dsn(config, common, arg);
    case 'ingest':
      return ingest(config, { ...common, once: values.once });
    default:
      throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof CliError || error instanceof ConfigError || error instanceof DataDirInUseError;
  const parseError = error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
  if (known || parseError) console.error(`Error: ${(error as Error).message}`);
  else console.error(describeError(error));
  process.exit(1);
});
