/** Home's summary table, computed in TypeScript from the log (lazy chunk: core/reports is not needed at first paint). */
import { useEffect, useState } from 'react';
import { Button, Spinner, Text } from '@fluentui/react-components';
import { todayIso } from '../../core/dates';
import type { Text as I18nText } from '../../core/i18n';
import { ui } from '../../core/i18n/ui';
import { keyLabel } from '../../core/reports/definitions';
import { useApp, useT } from '../appContext';
import { errorNotice } from '../errors';
import { useViewStyles } from '../shell/styles';
import { fmtAmount, fmtCount, fmtPercent } from './format';
import { readEntries } from './logEntries';
import { paneSummary, type PaneSummary } from './summary';
import { dueFollowUps } from '../../core/followups';
import { followUpText as ft } from '../../core/i18n/followups';
import { navigate } from '../navigation';
import { lastAgent } from '../prefs';
import Chart from '../charts/Chart';
import { dailyLineChart, paretoChart } from '../charts/model';

const PERIOD_LABEL = { 1: ui.summaryToday, 7: ui.summary7, 30: ui.summary30 } as const;

export default function SummaryPanel(): JSX.Element {
  const { workbook, lang, state } = useApp();
  const tr = useT();
  const styles = useViewStyles();
  const [summary, setSummary] = useState<PaneSummary | null>(null);
  const [due, setDue] = useState<{ n: number; agent: string | null } | null>(null);
  const [error, setError] = useState<I18nText | null>(null);
  const [version, setVersion] = useState(0);
  const rows = state?.logRows ?? 0;

  useEffect(() => {
    if (!workbook) return;
    const abort = new AbortController();
    readEntries(workbook, abort.signal).then(
      ({ entries, snapshot }) => {
        const today = todayIso();
        setSummary(paneSummary(entries, today));
        // The same default as the follow-up view: the agent this pane last entered as.
        const agent = lastAgent() ?? null;
        setDue({ n: dueFollowUps(snapshot, today, agent).due.length, agent });
      },
      (e: unknown) => !abort.signal.aborted && setError(errorNotice(e)),
    );
    return () => abort.abort();
  }, [workbook, version, rows]);

  return (
    <section className={styles.stack} aria-labelledby="summary-heading" data-testid="home-summary">
      <div className={styles.row}>
        <h3 id="summary-heading">{tr(ui.summaryHeading)}</h3>
        <Button size="small" appearance="subtle" onClick={() => setVersion((v) => v + 1)}>
          {tr(ui.refresh)}
        </Button>
      </div>
      {error && <Text role="alert">{error[lang]}</Text>}
      {due && (
        <div className={styles.row}>
          <Text weight="semibold" data-testid="home-followups" data-due={due.n}>
            {tr(ft.count, { n: due.n })}
            {due.agent ? ` · ${due.agent}` : ''}
          </Text>
          <Button size="small" onClick={() => navigate('followups')}>
            {tr(ft.openList)}
          </Button>
        </div>
      )}
      {!summary ? (
        !error && <Spinner size="tiny" />
      ) : (
        <>
          <table className={styles.table}>
            <thead>
              <tr>
                <th className={styles.cell}>{tr(ui.summaryPeriod)}</th>
                <th className={styles.num}>{tr(ui.summaryInquiries)}</th>
                <th className={styles.num}>{tr(ui.summaryDeals)}</th>
                <th className={styles.num}>{tr(ui.summaryConversion)}</th>
                <th className={styles.num}>{tr(ui.summaryAmount)}</th>
              </tr>
            </thead>
            <tbody>
              {summary.periods.map((p) => (
                <tr key={p.days} data-days={p.days}>
                  <td className={styles.cell}>{tr(PERIOD_LABEL[p.days])}</td>
                  <td className={styles.num}>{fmtCount(p.inquiries, lang)}</td>
                  <td className={styles.num}>{fmtCount(p.deals, lang)}</td>
                  <td className={styles.num}>{fmtPercent(p.conversion, lang)}</td>
                  <td className={styles.num}>{fmtAmount(p.amount, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div data-testid="home-charts" className={styles.stack}>
            <Chart
              data={dailyLineChart(tr(ft.chartTrend), summary.days, { inquiries: tr(ui.summaryInquiries), deals: tr(ui.summaryDeals) }, lang)}
              emptyText={tr(ft.chartEmpty)}
            />
            <Chart
              data={paretoChart(tr(ft.chartReasons), summary.reasons.map((r) => ({ label: keyLabel('noDealReason', r.key, lang), count: r.count ?? 0 })), tr(ft.reasonCount), lang)}
              cumulativeLabel={tr(ft.cumulative)}
              emptyText={tr(ft.chartEmpty)}
            />
          </div>
          <Text weight="semibold">{tr(ui.summaryTopReasons)}</Text>
          {summary.topReasons.length === 0 ? (
            <Text className={styles.muted}>{tr(ui.summaryNone)}</Text>
          ) : (
            <ol>
              {summary.topReasons.map((r) => (
                <li key={r.key}>
                  {keyLabel('noDealReason', r.key, lang)} · {fmtCount(r.count, lang)} ({fmtPercent(r.share, lang)})
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
