/**
 * 报表 Reports: build all eight reports (or one) on sheet 报表 as PivotTables or shareable formula tables,
 * refresh them, and preview the same figures computed in TypeScript.
 */
import { lazy, Suspense, useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { fill } from '../../core/i18n';
import { ui } from '../../core/i18n/ui';
import { agency } from '../../core/i18n/agency';
import { shareableSummaryText } from '../../core/share/shareSummary';
import { REPORT_IDS, type ReportId } from '../../core/reportIds';
import { useApp, useT } from '../appContext';
import { useAction } from '../useAction';
import { reportTitle } from '../../core/reports/definitions';
import { useViewStyles } from '../shell/styles';
import { store as storeText } from '../../core/i18n/store';
import type { PeriodKind } from '../../core/periods/period';
import { writePanePeriodReport } from '../reports/periodReport';

const ReportPreview = lazy(() => import(/* webpackChunkName: "report-preview" */ '../reports/ReportPreview'));

export default function ReportsView(): JSX.Element {
  const { workbook, state, lang } = useApp();
  const tr = useT();
  const styles = useViewStyles();
  const pivotOk = state?.pivotSupported ?? false;
  const [mode, setMode] = useState<'pivot' | 'formula'>(pivotOk ? 'pivot' : 'formula');
  const effectiveMode = pivotOk ? mode : 'formula';
  const action = useAction();
  const busy = action.busy;
  const [preview, setPreview] = useState(0);

  function build(reports?: ReportId[]): void {
    if (!workbook) return;
    void action.run(() => workbook.buildReports({ lang, mode: effectiveMode, reports }), {
      done: (r) => ({ intent: 'success', text: fill(ui.builtReports, { n: r.built.length }) }),
    });
  }

  function refresh(): void {
    if (!workbook) return;
    void action.run(() => workbook.refreshReports(), { done: () => ({ intent: 'success', text: ui.reportsRefreshed }) });
  }

  function period(kind: PeriodKind): void {
    if (!workbook) return;
    void action.run(() => writePanePeriodReport(workbook, kind, lang), {
      done: (r) => ({ intent: 'success', text: fill(storeText.periodSheetWritten, { sheet: r.written.sheet, charts: r.written.charts }) }),
    });
  }

  function makeShareable(): void {
    if (!workbook) return;
    void action.run(() => workbook.makeShareable(), {
      done: (r) => ({ intent: r.unconverted.length > 0 ? 'warning' : 'success', text: shareableSummaryText(r) }),
    });
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
        <Button appearance="primary" disabled={disabled} onClick={() => build()}>
          {tr(ui.buildAll)}
        </Button>
        <Button disabled={!workbook || busy} onClick={makeShareable} title={tr(agency.shareablePaneExplain)}>
          {tr(agency.shareablePaneButton)}
        </Button>
        <Button disabled={disabled} onClick={refresh}>
          {tr(ui.refreshReports)}
        </Button>
        {busy && <Spinner size="tiny" label={tr(ui.building)} />}
      </div>
      <div className={styles.row}>
        {REPORT_IDS.map((id) => (
          <Button key={id} size="small" disabled={disabled} onClick={() => build([id])}>
            {reportTitle(id, lang)}
          </Button>
        ))}
      </div>
      <Text weight="semibold">{tr(storeText.periodHeading)}</Text>
      <div className={styles.row}>
        <Button disabled={disabled} onClick={() => period('week')}>
          {tr(storeText.weekReportButton)}
        </Button>
        <Button disabled={disabled} onClick={() => period('month')}>
          {tr(storeText.monthReportButton)}
        </Button>
      </div>
      {action.notice && (
        <MessageBar intent={action.notice.intent}>
          <MessageBarBody role="status">{action.message}</MessageBarBody>
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
