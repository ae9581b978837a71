/**
 * 报表 Reports: build all eight reports (or one) on sheet 报表 as PivotTables or shareable formula tables,
 * refresh them, and preview the same figures computed in TypeScript.
 */
import { lazy, Suspense, useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { ui } from '../../core/i18n/ui';
import { REPORT_IDS, type ReportId } from '../../core/reportIds';
import { useApp, useT } from '../appContext';
import { errorText } from '../errors';
import { reportTitle } from '../../core/reports/definitions';
import { useViewStyles } from '../shell/styles';

const ReportPreview = lazy(() => import(/* webpackChunkName: "report-preview" */ '../reports/ReportPreview'));

export default function ReportsView(): JSX.Element {
  const { workbook, state, lang } = useApp();
  const tr = useT();
  const styles = useViewStyles();
  const pivotOk = state?.pivotSupported ?? false;
  const [mode, setMode] = useState<'pivot' | 'formula'>(pivotOk ? 'pivot' : 'formula');
  const effectiveMode = pivotOk ? mode : 'formula';
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [preview, setPreview] = useState(0);

  async function build(reports?: ReportId[]): Promise<void> {
    if (!workbook) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await workbook.buildReports({ lang, mode: effectiveMode, reports });
      setMessage({ intent: 'success', text: tr(ui.builtReports, { n: r.built.length }) });
    } catch (e) {
      setMessage({ intent: 'error', text: tr(ui.errorPrefix) + errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  }

  async function refresh(): Promise<void> {
    if (!workbook) return;
    setBusy(true);
    setMessage(null);
    try {
      await workbook.refreshReports();
      setMessage({ intent: 'success', text: tr(ui.reportsRefreshed) });
    } catch (e) {
      setMessage({ intent: 'error', text: tr(ui.errorPrefix) + errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  }

  const disabled = !workbook || busy || !state?.templatePresent;

  return (
    <section className={styles.stack}>
      <h2>{tr(ui.reportsHeading)}</h2>
      {state && !state.templatePresent && (
        <MessageBar intent="warning">
          <MessageBarBody>{tr(ui.entryNeedTemplate)}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={tr(ui.modeLabel)} hint={pivotOk ? undefined : tr(ui.pivotUnavailable)}>
        <RadioGroup value={effectiveMode} onChange={(_, d) => setMode(d.value as 'pivot' | 'formula')}>
          <Radio value="pivot" label={tr(ui.modePivot)} disabled={!pivotOk} />
          <Radio value="formula" label={tr(ui.modeFormula)} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled} onClick={() => void build()}>
          {tr(ui.buildAll)}
        </Button>
        <Button disabled={disabled} onClick={() => void refresh()}>
          {tr(ui.refreshReports)}
        </Button>
        {busy && <Spinner size="tiny" label={tr(ui.building)} />}
      </div>
      <div className={styles.row}>
        {REPORT_IDS.map((id) => (
          <Button key={id} size="small" disabled={disabled} onClick={() => void build([id])}>
            {reportTitle(id, lang)}
          </Button>
        ))}
      </div>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody role="status">{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <Text weight="semibold">{tr(ui.previewHeading)}</Text>
      <div className={styles.row}>
        <Button size="small" disabled={!workbook || !state?.templatePresent} onClick={() => setPreview((n) => n + 1)}>
          {preview ? tr(ui.refresh) : tr(ui.previewLoad)}
        </Button>
      </div>
      {preview > 0 && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <ReportPreview key={preview} />
        </Suspense>
      )}
    </section>
  );
}
