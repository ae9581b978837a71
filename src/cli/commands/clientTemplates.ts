/**
 * `shop-stats template --profile 机构配置.xlsx --out-dir clients/`: one branded template per client on the agency's
 * roster, each stamped with agency and client. Nothing is written when any target file exists (unless --force), so
 * a second run never replaces a client's filled-in workbook. A bad profile exits 2 with one line naming the place.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ProfileError, profileLists, safeFileName, type ProfileProblemCode } from '../../core/agency/profile';
import { t, type Text } from '../../core/i18n';
import { agency as A } from '../../core/i18n/agency';
import { cli } from '../../core/i18n/cli';
import type { Lang } from '../../core/schema';
import type { Io } from '../io';
import { readProfile, type LoadedProfile } from '../profile/readProfile';
import { writeTemplate } from '../template/buildTemplate';
import { XlsxError } from '../xlsx';
import { EXIT_OK, EXIT_UNREADABLE, writeFileOrFail } from './output';

const PROBLEMS: Record<ProfileProblemCode, Text> = {
  missingSheet: A.problemMissingSheet,
  missingName: A.problemMissingName,
  missingColumn: A.problemMissingColumn,
  badColor: A.problemBadColor,
  unknownList: A.problemUnknownList,
  fixedList: A.problemFixedList,
  badMode: A.problemBadMode,
  emptyList: A.problemEmptyList,
  noClients: A.problemNoClients,
  missingClient: A.problemMissingClient,
  duplicateClient: A.problemDuplicateClient,
  badLogo: A.problemBadLogo,
  badJson: A.problemBadJson,
};

export function profileProblemLine(file: string, e: ProfileError, lang: Lang): string {
  return t(A.profileProblem, lang, { file, where: e.where, problem: t(PROBLEMS[e.code], lang, { value: e.value }) });
}

/** Reads the profile or prints the one-line reason; null means exit 2. */
export async function loadProfileOrFail(file: string, lang: Lang, io: Io): Promise<LoadedProfile | null> {
  if (!fs.existsSync(file)) {
    io.err(t(cli.errorNotFound, lang, { file, detail: '' }));
    return null;
  }
  try {
    return await readProfile(file);
  } catch (e) {
    if (e instanceof ProfileError) io.err(profileProblemLine(file, e, lang));
    else if (e instanceof XlsxError) io.err(t(cli.errorUnreadable, lang, { file, detail: '' }));
    else throw e;
    return null;
  }
}

export async function runClientTemplates(profileFile: string, outDir: string, options: { lang: Lang; force: boolean }, io: Io): Promise<number> {
  const { lang } = options;
  const loaded = await loadProfileOrFail(profileFile, lang, io);
  if (!loaded) return EXIT_UNREADABLE;
  const { profile, logo } = loaded;
  const targets = profile.clients.map((c) => ({ client: c, file: path.join(outDir, `${safeFileName(c.client)}.xlsx`) }));
  if (!options.force) {
    const taken = targets.find((x) => fs.existsSync(x.file));
    if (taken) {
      io.err(t(A.clientExists, lang, { file: taken.file }));
      return EXIT_UNREADABLE;
    }
  }
  const lists = profileLists(profile);
  return writeFileOrFail(outDir, lang, io, async () => {
    fs.mkdirSync(outDir, { recursive: true });
    for (const [i, { client, file }] of targets.entries()) {
      await writeTemplate(file, {
        lang,
        lists,
        brand: { agency: profile.agency, client: client.client, shop: client.shop, platform: client.platform, color: profile.color, logo },
      });
      if (io.progress) io.err(t(A.clientProgress, lang, { n: i + 1, total: targets.length, client: client.client, file }));
    }
    io.out(t(A.clientTemplatesWritten, lang, { agency: profile.agency, count: targets.length, dir: outDir }));
  }).then((code) => (code === EXIT_OK ? EXIT_OK : code));
}
