/**
 * Entry point of the shop-stats CLI (bin/shop-stats.js loads the compiled lib/cli/main.js). Unexpected failures
 * print one translated line, never a stack trace nor a JavaScript error's own text (set SHOP_STATS_DEBUG=1 for the
 * stack).
 */
import { t } from '../core/i18n';
import { cli } from '../core/i18n/cli';
import { detectLang, processIo, type Io } from './io';
import { runCli } from './program';

export async function main(argv: readonly string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = detectLang(argv, env);
  try {
    return await runCli(argv, lang, io);
  } catch (e) {
    io.err(env.SHOP_STATS_DEBUG === '1' && e instanceof Error && e.stack ? e.stack : t(cli.errorInternal, lang));
    return 2;
  }
}

export function run(): void {
  // `shop-stats check … | head` closes stdout early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}

if (require.main === module) run();
