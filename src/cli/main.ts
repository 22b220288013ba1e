/**
 * Entry point of the gongkai command line (bin/gongkai.js, `npm run gongkai --`, `tsx src/cli/main.ts`).
 */
import { createContext } from './cli-context.js';
import { runCli } from './run-cli.js';

// `gongkai report export … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const code = await runCli(process.argv.slice(2), createContext(process.env));
process.exitCode = code;
// Everything is closed by now; should a library still hold a handle, do not hang the shell.
setTimeout(() => process.exit(code), 2000).unref();
