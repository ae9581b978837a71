/** The eight reports computed in TypeScript over the current log, as compact tables (Reports view, lazy). */
import { useEffect, useState } from 'react';
import { Spinner, Text } from '@fluentui/react-components';
import { t, type Text as I18nText } from '../../core/i18n';
import { ui } from '../../core/i18n/ui';
import { REPORT_IDS } from '../../core/reportIds';
import { aggregate, type ReportResults, type ReportRow } from '../../core/reports/aggregate';
import { keyLabel, reportDef, reportTitle, type ValueDef } from '../../core/reports/definitions';
import { header, type Lang } from '../../core/schema';
import { useApp, useT } from '../appContext';
import { errorNotice } from '../errors';
import { useViewStyles } from '../shell/styles';
import { fmtAmount, fmtCount, fmtPercent } from './format';
import { readEntries } from './logEntries';
import Chart from '../charts/Chart';
import { reportChart } from '../charts/model';
import { followUpText as ft } from '../../core/i18n/followups';

const MAX_ROWS = 12;

function cell(v: ValueDef, row: ReportRow, lang: Lang): string {
  const x = row[v.id];
  if (v.id === 'conversion' || v.id === 'share') return fmtPercent(x as number | null | undefined, lang);
  if (v.id === 'amount') return fmtAmount(x as number | undefined, lang);
  return fmtCount(x as number | undefined, lang);
}

export default function ReportPreview(): JSX.Element {
  const { workbook, lang } = useApp();
  const tr = useT();
  const styles = useViewStyles();
  const [results, setResults] = useState<ReportResults | null>(null);
  const [error, setError] = useState<I18nText | null>(null);

  useEffect(() => {
    if (!workbook) return;
    const abort = new AbortController();
    readEntries(workbook, abort.signal).then(
      ({ entries }) => setResults(aggregate(entries)),
      (e: unknown) => !abort.signal.aborted && setError(errorNotice(e)),
    );
    return () => abort.abort();
  }, [workbook]);

  if (error) return <Text role="alert">{error[lang]}</Text>;
  if (!results) return <Spinner size="tiny" />;
  return (
    <div className={styles.stack} data-testid="report-preview">
      {REPORT_IDS.map((id) => {
        const def = reportDef(id);
        const rows = results[id];
        const chart = reportChart(id, rows, lang);
        return (
          <section key={id} data-report={id}>
            <Text weight="semibold">{reportTitle(id, lang)}</Text>
            <div className={styles.row}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th className={styles.cell}>{tr(ui.previewKey)}</th>
                  {def.columns && <th className={styles.cell}>{header(def.columns, lang)}</th>}
                  {def.values.map((v) => (
                    <th key={v.id} className={styles.num}>
                      {t(v.label, lang)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, MAX_ROWS).map((r, i) => (
                  <tr key={i}>
                    <td className={styles.cell}>{keyLabel(def.rowList, r.key, lang)}</td>
                    {def.columns && <td className={styles.cell}>{r.column === undefined ? '' : keyLabel(def.columnList, r.column, lang)}</td>}
                    {def.values.map((v) => (
                      <td key={v.id} className={styles.num}>
                        {cell(v, r, lang)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {chart && <Chart data={chart} cumulativeLabel={tr(ft.cumulative)} emptyText={tr(ft.chartEmpty)} />}
            </div>
            {rows.length > MAX_ROWS && <Text size={200}>{tr(ui.previewMoreRows, { n: rows.length - MAX_ROWS })}</Text>}
          </section>
        );
      })}
    </div>
  );
}
