/**
 * Home: the workbook's state, insert/repair of the template, shortcuts to the other views and the
 * TypeScript summary of the log (loaded lazily, it is not needed for the first paint).
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { ui } from '../../core/i18n/ui';
import type { TemplateResult } from '../../core/workbook';
import { TEMPLATE_VERSION } from '../../core/schema';
import { useApp, useT } from '../appContext';
import { navigate, onInsertTemplateRequest } from '../navigation';
import { useViewStyles } from '../shell/styles';
import { useAction } from '../useAction';
import { Busy } from '../shell/Busy';

const TablePicker = lazy(() => import(/* webpackChunkName: "table-picker" */ './TablePicker'));
const SummaryPanel = lazy(() => import(/* webpackChunkName: "summary" */ '../reports/SummaryPanel'));

export function HomeView(): JSX.Element {
  const { workbook, state, refreshState, lang, hostKind } = useApp();
  const tr = useT();
  const styles = useViewStyles();
  const action = useAction();
  const [result, setResult] = useState<TemplateResult | null>(null);
  const [candidates, setCandidates] = useState<string[] | null>(null);
  const busy = action.busy;

  async function runTemplate(useTable?: string): Promise<void> {
    if (!workbook) return;
    setCandidates(null);
    await action.run(async () => {
      const r = await workbook.insertTemplate({ lang, useTable });
      if (r.status === 'ambiguous') setCandidates(r.candidates ?? []);
      else setResult(r);
      await refreshState();
    });
  }

  // The ribbon's "Insert template" opens Home and asks; the request waits until a workbook is ready.
  const runRef = useRef(runTemplate);
  runRef.current = runTemplate;
  useEffect(() => (workbook ? onInsertTemplateRequest(() => void runRef.current()) : undefined), [workbook]);

  return (
    <section className={styles.stack} aria-labelledby="home-heading">
      <h2 id="home-heading">{tr(ui.homeHeading)}</h2>
      {hostKind === 'demo' && <Text className={styles.muted}>{tr(ui.homeHostDemo)}</Text>}
      {!state ? (
        <Busy label={tr(ui.loading)} />
      ) : (
        <ul data-testid="home-state">
          <li>{state.templatePresent ? tr(ui.homeTemplatePresent, { version: state.templateVersion ?? '?' }) : tr(ui.homeTemplateMissing)}</li>
          {state.templatePresent && state.templateVersion !== null && state.templateVersion < TEMPLATE_VERSION && (
            <li data-testid="home-upgrade">{tr(ui.homeTemplateOld, { version: state.templateVersion, current: TEMPLATE_VERSION })}</li>
          )}
          {(state.agency !== null || state.client !== null) && (
            <li data-testid="home-identity">{tr(ui.homeIdentity, { agency: state.agency ?? '—', client: state.client ?? '—' })}</li>
          )}
          <li>{tr(ui.homeRows, { rows: state.logRows })}</li>
          <li>{state.pivotSupported ? tr(ui.homePivotYes) : tr(ui.homePivotNo)}</li>
        </ul>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!workbook || busy} onClick={() => void runTemplate()}>
          {state?.templatePresent ? tr(ui.repairTemplate) : tr(ui.insertTemplate)}
        </Button>
        {busy && <Busy label={tr(ui.templateWorking)} />}
      </div>
      {result && <TemplateReport result={result} />}
      {action.notice?.intent === 'error' && <Text role="alert">{action.message}</Text>}
      {candidates && (
        <Suspense fallback={null}>
          <TablePicker candidates={candidates} onPick={(name) => void runTemplate(name)} onCancel={() => setCandidates(null)} />
        </Suspense>
      )}
      <div className={styles.row}>
        <Button onClick={() => navigate('entry')}>{tr(ui.goEntry)}</Button>
        <Button onClick={() => navigate('check')}>{tr(ui.goCheck)}</Button>
        <Button onClick={() => navigate('reports')}>{tr(ui.goReports)}</Button>
      </div>
      {state?.templatePresent && (
        <Suspense fallback={<Busy label={tr(ui.loading)} />}>
          <SummaryPanel />
        </Suspense>
      )}
    </section>
  );
}

function TemplateReport({ result }: { result: TemplateResult }): JSX.Element {
  const { lang } = useApp();
  const tr = useT();
  const head =
    result.status === 'inserted' ? ui.templateInserted : result.status === 'repaired' ? ui.templateRepaired : ui.templateUnchanged;
  return (
    <div role="status" data-testid="template-result">
      <Text weight="semibold">{tr(head)}</Text>
      {result.changes.length > 0 && (
        <ul>
          {result.changes.map((c, i) => (
            <li key={i}>{c.message[lang]}</li>
          ))}
        </ul>
      )}
      {result.keptColumns && result.keptColumns.length > 0 && <Text>{tr(ui.templateKept, { columns: result.keptColumns.join(', ') })}</Text>}
    </div>
  );
}
