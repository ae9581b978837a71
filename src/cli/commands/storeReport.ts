/**
 * `shop-stats report --store FILE …`: period reports of one client (--client), of every client (--all-clients
 * --out-dir) or the agency overview (--overview), from the rows collected in the store. The figures come from the
 * core period code (the pane's 本周报告 / 本月报告 use the same), over the store's valid rows. With --profile the
 * workbooks carry the agency's name, accent colour and logo (and a client's shop and platform from its roster).
 */
import * as fs from 'fs';
import * as path from 'path';
import { todayIso } from '../../core/dates';
import { t } from '../../core/i18n';
import { store as text } from '../../core/i18n/store';
import { overview, type ClientRows } from '../../core/periods/overview';
import { parsePeriodDate, periodOf, previousPeriod, type PeriodKind } from '../../core/periods/period';
import { periodReport, type PeriodReport } from '../../core/periods/periodReport';
import type { Lang } from '../../core/schema';
import type { Io } from '../io';
import { buildOverviewWorkbook, buildPeriodWorkbook, type ReportBrand } from '../periodWorkbook';
import type { LoadedProfile } from '../profile/readProfile';
import type { Store } from '../store/store';
import { loadProfileOrFail } from './clientTemplates';
import { EXIT_OK, EXIT_UNREADABLE, outputBlocked, writeFileOrFail } from './output';
import { openStoreOrFail } from './storeOutput';

export interface StoreReportOptions {
  lang: Lang;
  store: string;
  period?: string;
  date?: string;
  client?: string;
  allClients?: boolean;
  outDir?: string;
  overview?: boolean;
  out?: string;
  json?: boolean;
  force?: boolean;
  today?: string;
  /** Agency profile (.xlsx or .json) whose branding the workbooks carry. */
  profile?: string;
}

/** The first day of all time the store could hold: every row up to the period's end is read for a client. */
const BEGINNING = '0000-01-01';

async function clientReport(store: Store, client: string, kind: PeriodKind, date: string, today: string): Promise<PeriodReport> {
  const period = periodOf(kind, date);
  const rows = (await store.entries(client, BEGINNING, period.end)).map((r) => r.entry);
  const facts = (await store.clientFacts()).get(client);
  return periodReport(rows, { kind, date, today, heldFrom: facts?.heldFrom ?? null, quality: await store.quality(client) });
}

/** The agency's branding, with the client's shop and platform when the roster lists the client. */
function brandFor(loaded: LoadedProfile | null, client: string | null): ReportBrand | undefined {
  if (!loaded) return undefined;
  const { profile, logo } = loaded;
  const entry = client === null ? undefined : profile.clients.find((c) => c.client === client);
  return { agency: profile.agency, color: profile.color, logo, shop: entry?.shop, platform: entry?.platform };
}

function fileName(client: string, kind: PeriodKind, label: string, lang: Lang): string {
  const safe = client.replace(/[\\/:*?"<>|]/g, '_');
  return `${safe}_${t(kind === 'week' ? text.weekReport : text.monthReport, lang)}_${label}.xlsx`;
}

export async function runStoreReport(options: StoreReportOptions, io: Io): Promise<number> {
  const { lang } = options;
  const today = options.today ?? todayIso();
  const kind = options.period;
  if (kind !== 'week' && kind !== 'month') {
    io.err(kind === undefined ? t(text.errorStoreUsage, lang) : t(text.errorBadPeriod, lang, { value: kind }));
    return EXIT_UNREADABLE;
  }
  const date = options.date === undefined ? today : parsePeriodDate(kind, options.date);
  if (date === null) {
    io.err(t(text.errorBadDate, lang, { value: options.date ?? '' }));
    return EXIT_UNREADABLE;
  }
  const modes = [options.client !== undefined, Boolean(options.allClients), Boolean(options.overview)].filter(Boolean).length;
  if (modes !== 1 || (options.allClients && !options.outDir) || (!options.allClients && !options.out && !options.json)) {
    io.err(t(text.errorStoreUsage, lang));
    return EXIT_UNREADABLE;
  }
  if (options.out && outputBlocked(options.out, Boolean(options.force), lang, io)) return EXIT_UNREADABLE;
  // A bad profile is the profile reader's one line, before anything is read or written.
  const profile = options.profile === undefined ? null : await loadProfileOrFail(options.profile, lang, io);
  if (options.profile !== undefined && !profile) return EXIT_UNREADABLE;

  const store = await openStoreOrFail(options.store, lang, io, false);
  if (!store) return EXIT_UNREADABLE;
  try {
    if (options.overview) {
      const period = periodOf(kind, date);
      const rows = await store.entries(null, previousPeriod(period).start, period.end);
      const facts = await store.clientFacts();
      const byClient = new Map<string, ClientRows>();
      for (const [client, f] of facts) byClient.set(client, { client, rows: [], lastEntry: f.lastEntry, errorRows: f.errorRows });
      for (const r of rows) (byClient.get(r.client)!.rows as unknown[]).push(r.entry);
      const o = overview([...byClient.values()], kind, date, today);
      if (options.json) io.out(JSON.stringify(o, null, 2));
      if (!options.out) return EXIT_OK;
      const out = options.out;
      return writeFileOrFail(out, lang, io, async () => {
        await buildOverviewWorkbook(o, lang, brandFor(profile, null)).xlsx.writeFile(out);
        if (!options.json) io.out(t(text.periodWritten, lang, { file: out }));
      });
    }

    const clients = options.allClients ? await store.clients() : [options.client as string];
    if (!options.allClients && !(await store.clients()).includes(clients[0])) {
      io.err(t(text.errorNoClient, lang, { client: clients[0] }));
      return EXIT_UNREADABLE;
    }
    if (options.outDir) {
      // As every output: an existing file is not replaced without --force, and then nothing is written.
      const label = periodOf(kind, date).label;
      const targets = clients.map((c) => path.join(options.outDir as string, fileName(c, kind, label, lang)));
      if (targets.some((f) => outputBlocked(f, Boolean(options.force), lang, io))) return EXIT_UNREADABLE;
      fs.mkdirSync(options.outDir, { recursive: true });
    }
    for (const client of clients) {
      const report = await clientReport(store, client, kind, date, today);
      if (options.json) io.out(JSON.stringify({ client, ...report }, null, 2));
      const out = options.allClients ? path.join(options.outDir as string, fileName(client, kind, report.period.label, lang)) : options.out;
      if (!out) continue;
      const code = await writeFileOrFail(out, lang, io, async () => {
        await buildPeriodWorkbook(report, client, lang, brandFor(profile, client)).xlsx.writeFile(out);
        if (!options.json) io.out(t(text.periodWritten, lang, { file: out }));
      });
      if (code !== EXIT_OK) return code;
    }
    return EXIT_OK;
  } finally {
    store.close();
  }
}
