/**
 * Starts the CORS playground and prints its URLs; Ctrl-C stops it.
 * Usage: npx tsx test/playground/serve.ts [--host H] [--page-port N] [--api-port M]
 */
import { parseArgs } from 'node:util';
import { startPlayground, type Playground, type PlaygroundOptions } from './server';

function port(value: string | undefined, flag: string): number {
  if (value === undefined) return 0;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new Error(`${flag} wants a port number, not "${value}"`);
  return number;
}

function options(): PlaygroundOptions {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      'page-port': { type: 'string' },
      'api-port': { type: 'string' },
    },
  });
  return {
    ...(values.host === undefined ? {} : { host: values.host }),
    pagePort: port(values['page-port'], '--page-port'),
    apiPort: port(values['api-port'], '--api-port'),
  };
}

let playground: Playground;
try {
  playground = await startPlayground(options());
} catch (error) {
  console.error(`Cannot start the playground: ${error instanceof Error ? error.message : String(error)}`);
  console.error('Usage: npx tsx test/playground/serve.ts [--host H] [--page-port N] [--api-port M]');
  process.exit(1);
}

console.log(`CORS playground
  page: ${playground.pageUrl}
  api:  ${playground.apiOrigin}
Press Ctrl-C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void playground.close().then(() => process.exit(0));
  });
}
