/**
 * The shop-stats command line (commander). Help text is built in one language, chosen before parsing (see
 * detectLang): `--lang en-US` / `--lang zh-CN` on any command, or the environment.
 */
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { t } from '../core/i18n';
import { cli } from '../core/i18n/cli';
import type { Lang } from '../core/schema';
import { DEFAULT_MAX_PROBLEMS, runCheck } from './commands/check';
import { store as storeText } from '../core/i18n/store';
import type { StoreReportOptions } from './commands/storeReport';

/**
 * Commands that write workbooks or use the store load exceljs / SheetJS / DuckDB (a native module) / excelts:
 * loaded on use, so `check` (and help) start without them (~0.5 s of start-up, measured).
 */
const lazy = {
  template: () => import('./commands/template'),
  report: () => import('./commands/report'),
  merge: () => import('./commands/merge'),
  import: () => import('./commands/import'),
  clientTemplates: () => import('./commands/clientTemplates'),
  profile: () => import('./commands/profile'),
  share: () => import('./commands/share'),
  mask: () => import('./commands/mask'),
  migrate: () => import('./commands/migrate'),
};
const storeCommands = {
  collect: () => import('./commands/collect'),
  report: () => import('./commands/storeReport'),
  export: () => import('./commands/export'),
};
const DEFAULT_STORE = 'shop-stats.duckdb';
import { platform as platformText } from '../core/i18n/platform';
import { EXIT_UNREADABLE } from './commands/output';
import { agency } from '../core/i18n/agency';
import { parseLang, type Io } from './io';
import { terminalWidth } from './text';

const VERSION = '0.1.0';

/** Commander's built-in section titles, translated. */
function titleFor(title: string, lang: Lang): string {
  const map: Record<string, string> = {
    'Usage:': t(cli.usageLabel, lang),
    'Options:': t(cli.optionsLabel, lang),
    'Commands:': t(cli.commandsLabel, lang),
    'Arguments:': t(cli.argumentsLabel, lang),
  };
  return map[title] ?? title;
}

/** The store-report flags as commander gives them (all optional until the action checks them). */
type StoreReportFlags = Partial<Pick<StoreReportOptions, 'store' | 'period' | 'date' | 'client' | 'allClients' | 'outDir' | 'overview' | 'profile'>>;

interface CommonOptions {
  lang?: string;
}

export function buildProgram(lang: Lang, io: Io, setExit: (code: number) => void): Command {
  const program = new Command('shop-stats');
  // --lang is validated by the action (a translated one-line message) rather than commander's English "choices".
  const langOption = () => new Option('--lang <lang>', t(cli.langOption, lang));
  const optionsWord = t(cli.optionsWord, lang);
  const configure = (cmd: Command): Command =>
    cmd
      .configureHelp({
        styleTitle: (s: string) => titleFor(s, lang),
        // CJK characters take two terminal columns: count them so the help columns line up.
        displayWidth: terminalWidth,
        // "template [options]" in the command list, with the word translated.
        subcommandTerm: (sub: Command) =>
          [sub.name(), sub.options.length > 0 ? `[${optionsWord}]` : '', ...sub.registeredArguments.map(argTerm)].filter(Boolean).join(' '),
      } as Partial<Help>)
      .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
      .helpOption('-h, --help', t(cli.helpOption, lang))
      .exitOverride();
  const chosen = (opts: CommonOptions): Lang => {
    if (opts.lang === undefined) return lang;
    const parsed = parseLang(opts.lang);
    if (!parsed) throw new UsageError(t(cli.errorBadLang, lang, { lang: opts.lang }));
    return parsed;
  };
  const files = `<${t(cli.filesWord, lang)}...>`;
  const usage = (args: string) => `[${optionsWord}]${args ? ` ${args}` : ''}`;

  configure(program)
    .usage(`[${optionsWord}] [${t(cli.commandWord, lang)}]`)
    .description(t(cli.programDescription, lang))
    .version(VERSION, '-V, --version', t(cli.versionOption, lang))
    .helpCommand(`help [${t(cli.commandWord, lang)}]`, t(cli.helpCommand, lang))
    .showHelpAfterError();

  configure(program.command('template'))
    .usage(usage(''))
    .description(t(cli.templateDescription, lang))
    .option('-o, --out <file>', t(cli.templateOut, lang))
    .option('--profile <file>', t(agency.templateProfileOption, lang))
    .option('--out-dir <dir>', t(agency.templateOutDirOption, lang))
    .option('-f, --force', t(cli.forceOption, lang))
    .addOption(langOption())
    .action(async (opts: CommonOptions & { out?: string; profile?: string; outDir?: string; force?: boolean }) => {
      const chosenLang = chosen(opts);
      if (opts.profile !== undefined) {
        if (opts.outDir === undefined) throw new UsageError(t(agency.templateNeedsOutDir, chosenLang));
        setExit(await (await lazy.clientTemplates()).runClientTemplates(opts.profile, opts.outDir, { lang: chosenLang, force: Boolean(opts.force) }, io));
        return;
      }
      if (opts.out === undefined) throw new UsageError(t(agency.templateNeedsOut, chosenLang));
      setExit(await (await lazy.template()).runTemplate(opts.out, chosenLang, io, Boolean(opts.force)));
    });

  const profileCommand = configure(program.command('profile')).description(t(agency.profileDescription, lang));
  configure(profileCommand.command('init'))
    .usage(usage(''))
    .description(t(agency.profileInitDescription, lang))
    .requiredOption('-o, --out <file>', t(cli.templateOut, lang))
    .option('-f, --force', t(cli.forceOption, lang))
    .addOption(langOption())
    .action(async (opts: CommonOptions & { out: string; force?: boolean }) => setExit(await (await lazy.profile()).runProfileInit(opts.out, chosen(opts), io, Boolean(opts.force))));

  configure(program.command('check'))
    .usage(usage(files))
    .description(t(cli.checkDescription, lang))
    .argument(files, t(cli.filesArgument, lang))
    .option('--json', t(cli.jsonOption, lang))
    .option('--max-problems <n>', t(cli.maxProblemsOption, lang, { n: DEFAULT_MAX_PROBLEMS }))
    .addOption(langOption())
    .action(async (files: string[], opts: CommonOptions & { json?: boolean; maxProblems?: string }) => {
      const chosenLang = chosen(opts);
      const maxProblems = opts.maxProblems === undefined ? DEFAULT_MAX_PROBLEMS : Number(opts.maxProblems);
      if (!/^\d+$/.test(opts.maxProblems ?? '0') || !Number.isSafeInteger(maxProblems)) {
        throw new UsageError(t(cli.errorBadMaxProblems, chosenLang, { value: opts.maxProblems ?? '' }));
      }
      setExit(await runCheck(files, { lang: chosenLang, json: Boolean(opts.json), maxProblems }, io));
    });

  configure(program.command('report'))
    .usage(usage(`[${t(cli.filesWord, lang)}...]`))
    .description(t(cli.reportDescription, lang))
    .argument(`[${t(cli.filesWord, lang)}...]`, t(cli.filesArgument, lang))
    .option('--json', t(cli.jsonOption, lang))
    .option('-o, --out <file>', t(cli.reportOut, lang))
    .option('--pivot', t(cli.reportPivot, lang))
    .option('-f, --force', t(cli.forceOption, lang))
    .option('--store <file>', t(storeText.storeOption, lang))
    .option('--period <period>', t(storeText.periodOption, lang))
    .option('--date <date>', t(storeText.dateOption, lang))
    .option('--client <name>', t(storeText.clientOption, lang))
    .option('--all-clients', t(storeText.allClientsOption, lang))
    .option('--out-dir <dir>', t(storeText.outDirOption, lang))
    .option('--overview', t(storeText.overviewOption, lang))
    .option('--profile <file>', t(storeText.reportProfileOption, lang))
    .addOption(langOption())
    .action(async (files: string[], opts: CommonOptions & StoreReportFlags & { json?: boolean; out?: string; force?: boolean; pivot?: boolean }) => {
      const chosenLang = chosen(opts);
      if (opts.store !== undefined) {
        setExit(await (await storeCommands.report()).runStoreReport({ ...opts, lang: chosenLang, store: opts.store, json: Boolean(opts.json), force: Boolean(opts.force) }, io));
        return;
      }
      if (files.length === 0) throw new UsageError(t(storeText.errorReportUsage, chosenLang));
      setExit(await (await lazy.report()).runReport(files, { lang: chosenLang, json: Boolean(opts.json), out: opts.out, force: Boolean(opts.force), pivot: Boolean(opts.pivot) }, io));
    });

  configure(program.command('merge'))
    .usage(usage(files))
    .description(t(cli.mergeDescription, lang))
    .argument(files, t(cli.filesArgument, lang))
    .requiredOption('-o, --out <file>', t(cli.mergeOut, lang))
    .option('-f, --force', t(cli.forceOption, lang))
    .addOption(langOption())
    .action(async (files: string[], opts: CommonOptions & { out: string; force?: boolean }) =>
      setExit(await (await lazy.merge()).runMerge(files, opts.out, chosen(opts), io, Boolean(opts.force))),
    );

  const pathsArg = `<${t(storeText.pathsWord, lang)}...>`;
  configure(program.command('collect'))
    .usage(usage(pathsArg))
    .description(t(storeText.collectDescription, lang))
    .argument(pathsArg, t(storeText.pathsArgument, lang))
    .option('--store <file>', t(storeText.storeOption, lang), DEFAULT_STORE)
    .addOption(langOption())
    .action(async (paths: string[], opts: CommonOptions & { store: string }) =>
      setExit(await (await storeCommands.collect()).runCollect(paths, { lang: chosen(opts), store: opts.store }, io)),
    );

  configure(program.command('export'))
    .usage(usage(''))
    .description(t(storeText.exportDescription, lang))
    .option('--store <file>', t(storeText.storeOption, lang), DEFAULT_STORE)
    .requiredOption('--format <format>', t(storeText.formatOption, lang))
    .requiredOption('-o, --out <file>', t(storeText.exportOut, lang))
    .option('-f, --force', t(cli.forceOption, lang))
    .addOption(langOption())
    .action(async (opts: CommonOptions & { store: string; format: string; out: string; force?: boolean }) =>
      setExit(await (await storeCommands.export()).runExport({ lang: chosen(opts), store: opts.store, format: opts.format, out: opts.out, force: Boolean(opts.force) }, io)),
    );

  const exportsArg = `<${t(platformText.exportsWord, lang)}...>`;
  configure(program.command('import'))
    .usage(usage(exportsArg))
    .description(t(platformText.importDescription, lang))
    .argument(exportsArg, t(platformText.importFiles, lang))
    .option('--into <file>', t(platformText.importInto, lang))
    .option('--store <file>', t(platformText.importStore, lang))
    .option('--client <name>', t(platformText.importClient, lang))
    .option('--date <date>', t(platformText.importDate, lang))
    .addOption(langOption())
    .action(async (files: string[], opts: CommonOptions & { into?: string; store?: string; client?: string; date?: string }) =>
      setExit(
        await (await lazy.import()).runImport(files, { lang: chosen(opts), into: opts.into, store: opts.store, client: opts.client, date: opts.date }, io),
      ),
    );

  configure(program.command('share'))
    .usage(usage(`<${t(cli.filesWord, lang)}>`))
    .description(t(agency.shareDescription, lang))
    .argument('<file>', t(agency.shareInput, lang))
    .requiredOption('-o, --out <file>', t(agency.shareOut, lang))
    .option('--values', t(agency.shareValues, lang))
    .option('--json', t(cli.jsonOption, lang))
    .option('-f, --force', t(cli.forceOption, lang))
    .addOption(langOption())
    .action(async (file: string, opts: CommonOptions & { out: string; values?: boolean; json?: boolean; force?: boolean }) =>
      setExit(
        await (await lazy.share()).runShare(file, { lang: chosen(opts), out: opts.out, values: Boolean(opts.values), json: Boolean(opts.json), force: Boolean(opts.force) }, io),
      ),
    );

  configure(program.command('mask'))
    .usage(usage(`<${t(cli.filesWord, lang)}>`))
    .description(t(agency.maskDescription, lang))
    .argument('<file>', t(agency.maskInput, lang))
    .requiredOption('-o, --out <file>', t(agency.shareOut, lang))
    .option('--json', t(cli.jsonOption, lang))
    .option('-f, --force', t(cli.forceOption, lang))
    .addOption(langOption())
    .action(async (file: string, opts: CommonOptions & { out: string; json?: boolean; force?: boolean }) =>
      setExit(await (await lazy.mask()).runMask(file, { lang: chosen(opts), out: opts.out, json: Boolean(opts.json), force: Boolean(opts.force) }, io)),
    );

  configure(program.command('migrate'))
    .usage(usage(files))
    .description(t(agency.migrateDescription, lang))
    .argument(files, t(cli.filesArgument, lang))
    .option('--out-dir <dir>', t(agency.migrateOutDir, lang))
    .option('--in-place', t(agency.migrateInPlace, lang))
    .option('--dry-run', t(agency.migrateDryRun, lang))
    .option('--json', t(cli.jsonOption, lang))
    .option('-f, --force', t(cli.forceOption, lang))
    .addOption(langOption())
    .action(async (files: string[], opts: CommonOptions & { outDir?: string; inPlace?: boolean; dryRun?: boolean; json?: boolean; force?: boolean }) => {
      const chosenLang = chosen(opts);
      if (opts.outDir !== undefined && opts.inPlace) throw new UsageError(t(agency.migrateBothTargets, chosenLang));
      if (opts.outDir === undefined && !opts.inPlace && !opts.dryRun) throw new UsageError(t(agency.migrateNeedsTarget, chosenLang));
      setExit(
        await (await lazy.migrate()).runMigrate(files, { lang: chosenLang, outDir: opts.outDir, inPlace: Boolean(opts.inPlace), dryRun: Boolean(opts.dryRun), force: Boolean(opts.force), json: Boolean(opts.json) }, io),
      );
    });

  return program;
}

function argTerm(a: Argument): string {
  const name = `${a.name()}${a.variadic ? '...' : ''}`;
  return a.required ? `<${name}>` : `[${name}]`;
}

/** A command-line mistake found after parsing (bad --lang value): printed as one line, exit 2. */
class UsageError extends Error {}

/** Parse and run; returns the exit code (help and version: 0; usage errors: 2, like unreadable input). */
export async function runCli(argv: readonly string[], lang: Lang, io: Io): Promise<number> {
  let code = 0;
  const program = buildProgram(lang, io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return EXIT_UNREADABLE;
    }
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      // commander.executeSubCommandAsync etc. never happen here; anything else is a usage error already printed.
      return EXIT_UNREADABLE;
    }
    throw e;
  }
}
