/** The CLI run in-process for tests: arguments in; exit code and what it printed out (language from --lang only). */
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = { out: (s) => stdout.push(s), err: (s) => stderr.push(s), progress: false };
  const code = await main(args, io, { SHOP_STATS_LANG: '', LANG: 'C.UTF-8' });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
