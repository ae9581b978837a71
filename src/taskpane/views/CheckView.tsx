/**
 * 检查 Check: validate every row of the log with the form's rules, with progress and cancel; list problems
 * (paged: the first 500, more on request), select a problem's cell, highlight or clear invalid cells, and mask personal
 * data in the free-text columns (undoable: the masked cells are written back only where they still hold the mask).
 */
import { useRef, useState } from 'react';
import { Button, mergeClasses, MessageBar, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import { fill } from '../../core/i18n';
import { ui } from '../../core/i18n/ui';
import { agency } from '../../core/i18n/agency';
import { planMask, reverseChanges, type CellChange } from '../../core/mask/maskColumns';
import { maskSummaryText } from '../../core/mask/maskSummary';
import { defaultListValues, header, type InputKey } from '../../core/schema';
import { WorkbookError } from '../../core/workbook';
import { useApp, useT } from '../appContext';
import { runCheck, type CheckOutcome, type Problem } from '../check/runCheck';
import { useViewStyles } from '../shell/styles';
import { useAction } from '../useAction';

const PAGE = 500;

export default function CheckView(): JSX.Element {
  const { workbook, lang } = useApp();
  const tr = useT();
  const styles = useViewStyles();
  const action = useAction();
  const [progress, setProgress] = useState<{ phase: 'read' | 'validate'; done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [shown, setShown] = useState(PAGE);
  const abortRef = useRef<AbortController | null>(null);
  /** The last mask's changes, kept so it can be undone. */
  const [masked, setMasked] = useState<CellChange[] | null>(null);
  /** A check is running (highlighting and selecting are actions too, but cannot be cancelled). */
  const running = progress !== null;

  async function start(): Promise<void> {
    if (!workbook) return;
    const abort = new AbortController();
    abortRef.current = abort;
    setOutcome(null);
    setShown(PAGE);
    setProgress({ phase: 'read', done: 0, total: 0 });
    const result = await action.run(
      async () => {
        const lists = await workbook.readLists().catch(() => defaultListValues());
        return runCheck(workbook, { lists, signal: abort.signal, onProgress: (phase, done, total) => setProgress({ phase, done, total }) });
      },
      {
        failed: (e) =>
          abort.signal.aborted || (e instanceof WorkbookError && e.code === 'cancelled') ? { intent: 'info', text: ui.checkCancelled } : null,
      },
    );
    if (result) setOutcome(result);
    setProgress(null);
    abortRef.current = null;
  }

  function mark(): void {
    if (!workbook || !outcome) return;
    const cells = outcome.problems.filter((p) => p.severity === 'error' && p.key).map((p) => ({ rowIndex: p.rowIndex, key: p.key as InputKey }));
    void action.run(() => workbook.markCells(cells), { done: () => ({ intent: 'success', text: fill(ui.highlighted, { n: cells.length }) }) });
  }

  function clear(): void {
    if (!workbook) return;
    void action.run(() => workbook.clearMarks(), { done: () => ({ intent: 'success', text: ui.highlightCleared }) });
  }

  function mask(): void {
    if (!workbook) return;
    void action.run(
      async () => {
        const plan = planMask(await workbook.readLog());
        if (plan.changes.length === 0) return { plan, written: 0 };
        const result = await workbook.replaceCells(plan.changes);
        // Only what was written can be undone (a cell edited between the read and the write was left alone).
        setMasked(result.written > 0 ? plan.changes : null);
        return { plan, written: result.written };
      },
      {
        done: ({ plan, written }) =>
          written === 0 ? { intent: 'info', text: agency.maskPaneNothing } : { intent: 'success', text: maskSummaryText(written, plan.counts) },
      },
    );
  }

  function undoMask(): void {
    if (!workbook || !masked) return;
    const changes = reverseChanges(masked);
    void action.run(() => workbook.replaceCells(changes), {
      done: (r) => {
        setMasked(null);
        return { intent: 'success', text: fill(agency.maskPaneUndone, { written: r.written, skipped: r.skipped }) };
      },
    });
  }

  function select(p: Problem): void {
    if (!workbook || !p.key) return;
    workbook.selectCell({ rowIndex: p.rowIndex, key: p.key }).catch(action.fail);
  }

  const total = outcome?.problems.length ?? 0;
  const visible = outcome ? outcome.problems.slice(0, shown) : [];

  return (
    <section className={styles.stack}>
      <h2>{tr(ui.checkHeading)}</h2>
      <Text className={styles.muted}>{tr(ui.checkExplain)}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!workbook || running} onClick={() => void start()}>
          {tr(ui.runCheck)}
        </Button>
        {running && <Button onClick={() => abortRef.current?.abort()}>{tr(ui.cancelCheck)}</Button>}
        <Button disabled={!outcome || outcome.errors === 0 || running} onClick={mark}>
          {tr(ui.highlight)}
        </Button>
        <Button disabled={!workbook || running} onClick={clear}>
          {tr(ui.clearHighlight)}
        </Button>
        <Button disabled={!workbook || running} onClick={mask} title={tr(agency.maskPaneExplain)}>
          {tr(agency.maskPaneButton)}
        </Button>
        {masked && (
          <Button disabled={running} onClick={undoMask}>
            {tr(agency.maskPaneUndo)}
          </Button>
        )}
      </div>
      {progress && (
        <div>
          <ProgressBar value={progress.total ? progress.done / progress.total : undefined} />
          <Text size={200} data-testid="check-progress">
            {tr(progress.phase === 'read' ? ui.checkProgress : ui.checkValidating, { done: progress.done, total: progress.total })}
          </Text>
        </div>
      )}
      {action.notice && (
        <MessageBar intent={action.notice.intent}>
          <MessageBarBody>{action.message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <>
          <Text role="status" weight="semibold" data-testid="check-summary" data-rows={outcome.rows} data-errors={outcome.errors} data-warnings={outcome.warnings}>
            {tr(ui.checkSummary, { rows: outcome.rows, errors: outcome.errors, warnings: outcome.warnings })}
          </Text>
          {outcome.missing.length > 0 && <Text>{tr(ui.missingColumns, { columns: outcome.missing.map((k) => header(k, lang)).join(', ') })}</Text>}
          {total === 0 ? (
            <Text>{tr(ui.checkClean)}</Text>
          ) : (
            <>
              {total > shown && <Text size={200}>{tr(ui.checkShowingFirst, { shown, total })}</Text>}
              <div className={styles.scroll}>
                <table className={styles.table} data-testid="check-problems">
                  <thead>
                    <tr>
                      <th className={styles.cell}>{tr(ui.colRow)}</th>
                      <th className={styles.cell}>{tr(ui.colColumn)}</th>
                      <th className={mergeClasses(styles.cell, styles.nowrap)}>{tr(ui.colLevel)}</th>
                      <th className={styles.cell}>{tr(ui.colMessage)}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {visible.map((p, i) => (
                      <tr key={i} data-row={p.rowIndex} data-key={p.key ?? ''} data-severity={p.severity} data-code={p.code}>
                        <td className={styles.cell}>
                          <Button size="small" appearance="transparent" onClick={() => select(p)}>
                            {p.sheetRow}
                          </Button>
                        </td>
                        <td className={styles.cell}>{p.key ? header(p.key, lang) : ''}</td>
                        <td className={mergeClasses(styles.cell, styles.nowrap)}>{tr(p.severity === 'error' ? ui.levelError : ui.levelWarning)}</td>
                        <td className={styles.cell}>{p.message[lang]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {total > shown && (
                <Button onClick={() => setShown((s) => s + PAGE)}>{tr(ui.checkShowMore, { n: Math.min(PAGE, total - shown) })}</Button>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
