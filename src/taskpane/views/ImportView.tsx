/**
 * 导入平台数据 Import platform data: pick export files, preview what was recognised (kind, rows, days, summary rows
 * dropped, or one line saying why not), import into 平台数据 (which rebuilds 漏斗), and insert the 计划 plan sheet.
 */
import { useRef, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { t } from '../../core/i18n';
import { platform as P } from '../../core/i18n/platform';
import { ui } from '../../core/i18n/ui';
import { PLATFORM_TABLES } from '../../core/platform/columns';
import type { PlatformImportResult } from '../../core/platform/workbookTypes';
import { useApp, useT } from '../appContext';
import { errorNotice } from '../errors';
import { FunnelPreview } from '../platform/FunnelPreview';
import { readPickedFiles, type PickedFile } from '../platform/readFiles';
import { useViewStyles } from '../shell/styles';

export default function ImportView(): JSX.Element {
  const { workbook, lang, refreshState } = useApp();
  const tr = useT();
  const styles = useViewStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [date, setDate] = useState('');
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [result, setResult] = useState<PlatformImportResult | null>(null);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  async function read(list: File[], day: string): Promise<void> {
    setFiles(list);
    setResult(null);
    setMessage(null);
    if (list.length === 0) return setPicked([]);
    setBusy('reading');
    try {
      setPicked(await readPickedFiles(list, lang, day));
    } finally {
      setBusy(null);
    }
  }

  async function runImport(): Promise<void> {
    if (!workbook) return;
    setBusy('importing');
    setMessage(null);
    try {
      const r = await workbook.importPlatform(picked.map((p) => p.parsed!), lang);
      setResult(r);
      setMessage({ intent: 'success', text: tr(P.importedHeading) });
      await refreshState();
    } catch (e) {
      setMessage({ intent: 'error', text: errorNotice(e)[lang] });
    } finally {
      setBusy(null);
    }
  }

  async function plan(): Promise<void> {
    if (!workbook) return;
    try {
      const r = await workbook.insertPlan(lang);
      setMessage({ intent: 'success', text: tr(r.status === 'inserted' ? P.planInserted : P.planUnchanged) });
    } catch (e) {
      setMessage({ intent: 'error', text: errorNotice(e)[lang] });
    }
  }

  const problems = picked.filter((p) => p.problem);
  const ready = picked.length > 0 && problems.length === 0;

  return (
    <section className={styles.stack}>
      <h2>{tr(P.importHeading)}</h2>
      <Text className={styles.muted}>{tr(P.importIntro)}</Text>
      <div className={styles.row}>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xls,.xlsx,.csv"
          hidden
          data-testid="import-files"
          onChange={(e) => void read(Array.from(e.target.files ?? []), date)}
        />
        <Button appearance="secondary" onClick={() => input.current?.click()} disabled={busy !== null}>
          {tr(P.chooseFiles)}
        </Button>
        {busy === 'reading' && <Spinner size="tiny" label={tr(P.reading)} />}
      </div>
      <Field label={tr(P.exportDate)}>
        <Input type="date" value={date} data-testid="import-date" onChange={(_, d) => {
          setDate(d.value);
          if (files.length) void read(files, d.value);
        }} />
      </Field>
      {picked.length > 0 && (
        <div className={styles.stack} data-testid="import-preview">
          <Text weight="semibold">{tr(P.previewHeading)}</Text>
          <ul>
            {picked.map((p, i) => (
              <li key={`${p.name}-${i}`} role={p.problem ? 'alert' : undefined}>
                {p.problem ??
                  tr(P.parsed, {
                    file: p.name, kind: tr(p.parsed!.kind === 'traffic' ? P.kindTraffic : P.kindAgents), rows: p.parsed!.rows.length,
                    from: p.parsed!.dates[0], to: p.parsed!.dates.at(-1)!, summary: p.parsed!.summaryRows,
                  })}
              </li>
            ))}
          </ul>
          {problems.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{tr(P.fixFirst)}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!workbook || !ready || busy !== null} onClick={() => void runImport()} data-testid="import-run">
          {tr(P.importButton)}
        </Button>
        {busy === 'importing' && <Spinner size="tiny" label={tr(P.importing)} />}
      </div>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody role="status">{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <div className={styles.stack} data-testid="import-result">
          <ul>
            {result.stats.map((s, i) => (
              <li key={i}>{t(P.imported, lang, { table: PLATFORM_TABLES[s.kind].table, ...s })}</li>
            ))}
          </ul>
          <FunnelPreview result={result.funnel} lang={lang} />
        </div>
      )}
      <h2>{tr(P.planHeading)}</h2>
      <Text className={styles.muted}>{tr(P.planIntro)}</Text>
      <div className={styles.row}>
        <Button disabled={!workbook} onClick={() => void plan()} data-testid="insert-plan">
          {tr(P.insertPlan)}
        </Button>
      </div>
    </section>
  );
}
