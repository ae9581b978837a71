/**
 * 今日待跟进 Follow-ups due: the rows to call back today (overdue first), filtered to one agent, each with one-click
 * outcomes. A write changes only that row's 跟进情况 (and 下次跟进), after the workbook checks the row still holds
 * what the list showed; a failed write goes to the outbox like an entry. Fully usable from the keyboard: focus
 * starts on the first row's actions and moves to the next row after each outcome.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { todayIso } from '../../core/dates';
import { addDays, DEFAULT_NEXT_DAYS, nextDateProblem, OUTCOME_KINDS, OUTCOME_VALUE, type DueFollowUp, type FollowUpList, type OutcomeKind } from '../../core/followups';
import { fill, t, type Text as I18nText } from '../../core/i18n';
import { followUpText as ft } from '../../core/i18n/followups';
import { ui } from '../../core/i18n/ui';
import { header, listLabel, type Lang } from '../../core/schema';
import { normalizeDate } from '../../core/validation';
import { useApp, useT } from '../appContext';
import { describeError } from '../entry/outbox';
import { OutboxPanel } from '../entry/OutboxPanel';
import { onFollowUpSettled, queueFollowUp } from '../entry/outboxRunner';
import { errorMessage, errorNotice } from '../errors';
import { loadFollowUps } from '../followups/loadFollowUps';
import { navigate } from '../navigation';
import { lastAgent } from '../prefs';
import { useViewStyles } from '../shell/styles';

const OUTCOME_LABEL: Readonly<Record<OutcomeKind, I18nText>> = { followed: ft.outcomeFollowed, converted: ft.outcomeConverted, lost: ft.outcomeLost };

const useStyles = makeStyles({
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '6px 0', display: 'flex', flexDirection: 'column', gap: '4px' },
  overdue: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`, paddingLeft: '6px' },
  today: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: '6px' },
  badgeOverdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  badgeToday: { color: tokens.colorBrandForeground1 },
  date: { width: '150px' },
});

/** Rows rendered at once: a large log can have thousands due, and each row carries several controls. */
const PAGE = 50;

type Message = { intent: 'success' | 'warning' | 'error'; text: I18nText } | null;

export default function FollowUpsView(): JSX.Element {
  const { workbook, lang, state } = useApp();
  const tr = useT();
  const styles = useViewStyles();
  const own = useStyles();
  const [today] = useState(() => todayIso());
  const [agent, setAgent] = useState<string | null>(() => lastAgent() ?? null);
  const [list, setList] = useState<FollowUpList | null>(null);
  const [error, setError] = useState<I18nText | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busyRow, setBusyRow] = useState<number | null>(null);
  const [nextDates, setNextDates] = useState<Record<number, string>>({});
  const [version, setVersion] = useState(0);
  const [shown, setShown] = useState(PAGE);
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** After an outcome, focus moves to this position in the list (the row that took the recorded row's place). */
  const focusAt = useRef<number | null>(0);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    if (!workbook) return;
    const abort = new AbortController();
    setError(null);
    loadFollowUps(workbook, { today, agent, signal: abort.signal }).then(
      (l) => setList(l),
      (e: unknown) => !abort.signal.aborted && setError(errorNotice(e)),
    );
    return () => abort.abort();
  }, [workbook, today, agent, version, lang, state?.logRows]);

  // Queued outcomes that land later (or find their row changed) tell the user and refresh the list.
  useEffect(
    () =>
      onFollowUpSettled((item, status) => {
        const row = item.followUp.sheetRow;
        setMessage(status === 'changed' ? { intent: 'warning', text: fill(ft.outboxChanged, { row }) } : { intent: 'success', text: fill(ft.outboxSent, { row }) });
        reload();
      }),
    [reload],
  );

  // Keyboard: put focus on the row now at the remembered position (or the heading when the list is empty).
  useEffect(() => {
    if (!list || focusAt.current === null) return;
    const at = focusAt.current;
    focusAt.current = null;
    const rows = listRef.current?.querySelectorAll<HTMLButtonElement>('[data-first-action]');
    const target = rows && rows.length > 0 ? rows[Math.min(at, rows.length - 1)] : headingRef.current;
    target?.focus();
  }, [list]);

  async function record(item: DueFollowUp, outcome: OutcomeKind, position: number): Promise<void> {
    if (!workbook || busyRow !== null) return;
    let next: string | null = null;
    if (outcome === 'followed') {
      const raw = nextDates[item.rowIndex] ?? addDays(today, DEFAULT_NEXT_DAYS);
      const problem = nextDateProblem(raw, today);
      if (problem) {
        setMessage({ intent: 'error', text: problem === 'past' ? ft.pastDate : ft.badDate });
        return;
      }
      next = normalizeDate(raw, today) as string;
    }
    const write = { rowIndex: item.rowIndex, sheetRow: item.sheetRow, shown: item.shown, outcome, next };
    const outcomeText = listLabel('followUp', OUTCOME_VALUE[outcome], lang);
    setBusyRow(item.rowIndex);
    focusAt.current = position;
    try {
      const status = await workbook.recordFollowUp(write);
      if (status === 'changed') {
        setMessage({ intent: 'warning', text: fill(ft.changed, { row: item.sheetRow }) });
        reload();
      } else {
        setMessage({ intent: 'success', text: fill(ft.recorded, { row: item.sheetRow, outcome: outcomeText }) });
        setList((l) => (l ? { ...l, due: l.due.filter((d) => d.rowIndex !== item.rowIndex) } : l));
      }
    } catch (e) {
      // Like an entry: the outcome waits in the outbox and is retried; the row leaves the list meanwhile.
      queueFollowUp(write, e);
      const reason = describeError(e).text;
      const queued = (l: Lang) => t(ft.queued, l, { row: item.sheetRow, reason: reason[l] });
      setMessage({ intent: 'error', text: { 'zh-CN': queued('zh-CN'), 'en-US': queued('en-US') } });
      setList((l) => (l ? { ...l, due: l.due.filter((d) => d.rowIndex !== item.rowIndex) } : l));
    } finally {
      setBusyRow(null);
    }
  }

  function select(item: DueFollowUp): void {
    if (!workbook) return;
    workbook
      .selectCell({ rowIndex: item.rowIndex, key: 'customerId' })
      .catch((e: unknown) => setMessage({ intent: 'error', text: errorMessage(e) }));
  }

  const agents = list ? [...new Set([...(agent ? [agent] : []), ...list.agents])].filter((a) => a !== '') : agent ? [agent] : [];

  return (
    <section className={styles.stack} aria-labelledby="followups-heading">
      <h2 id="followups-heading" ref={headingRef} tabIndex={-1}>
        {tr(ft.heading)}
      </h2>
      <Text className={styles.muted}>{tr(ft.explain)}</Text>
      <div className={styles.row}>
        <Field label={tr(ft.agentFilter)}>
          <Select
            value={agent ?? ''}
            onChange={(_, d) => {
              setAgent(d.value === '' ? null : d.value);
              setShown(PAGE);
            }} data-testid="followups-agent">
            <option value="">{tr(ft.allAgents)}</option>
            {agents.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" appearance="subtle" onClick={reload}>
          {tr(ui.refresh)}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => navigate('entry')}>
          {tr(ft.backToEntry)}
        </Button>
      </div>
      {message && (
        <MessageBar intent={message.intent} data-testid="followups-status">
          <MessageBarBody role={message.intent === 'error' ? 'alert' : 'status'}>{message.text[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {error && <Text role="alert">{error[lang]}</Text>}
      {!list && !error && <Spinner size="tiny" label={tr(ui.loading)} />}
      {list && (
        <>
          <Text role="status" weight="semibold" data-testid="followups-count" data-due={list.due.length}>
            {tr(ft.count, { n: list.due.length })}
          </Text>
          {list.undated > 0 && (
            <Text data-testid="followups-undated" data-undated={list.undated}>
              {tr(ft.undated, { n: list.undated })}
            </Text>
          )}
          {list.due.length === 0 && <Text>{tr(ft.none)}</Text>}
          <div ref={listRef} data-testid="followups-list">
            {list.due.slice(0, shown).map((item, position) => {
              const overdue = item.daysOverdue > 0;
              const dateId = `followup-next-${item.rowIndex}`;
              return (
                <div
                  key={item.rowIndex}
                  className={`${own.item} ${overdue ? own.overdue : own.today}`}
                  data-row={item.rowIndex}
                  data-overdue={item.daysOverdue}
                  role="group"
                  aria-label={tr(ft.actionsFor, { customer: item.customerId })}
                >
                  <div className={styles.row}>
                    <Button
                      size="small"
                      appearance="transparent"
                      onClick={() => select(item)}
                      aria-label={tr(ft.selectRow, { row: item.sheetRow, customer: item.customerId })}
                      data-first-action
                    >
                      {tr(ft.rowLabel, { row: item.sheetRow })} · {item.customerId}
                    </Button>
                    <Text className={overdue ? own.badgeOverdue : own.badgeToday}>{overdue ? tr(ft.overdue, { n: item.daysOverdue }) : tr(ft.dueToday)}</Text>
                  </div>
                  <Text size={200}>
                    {[
                      tr(ft.field, { label: header('product', lang), value: item.product }),
                      tr(ft.field, { label: header('channel', lang), value: listLabel('channel', item.channel, lang) }),
                      item.reason ? tr(ft.field, { label: header('noDealReason', lang), value: listLabel('noDealReason', item.reason, lang) }) : '',
                      item.agent ? tr(ft.field, { label: header('agent', lang), value: item.agent }) : '',
                    ].filter(Boolean).join(' · ')}
                  </Text>
                  {item.note && <Text size={200} className={styles.muted}>{tr(ft.field, { label: header('note', lang), value: item.note })}</Text>}
                  <div className={styles.row}>
                    <label htmlFor={dateId}>
                      <Text size={200}>{tr(ft.nextDate)}</Text>
                    </label>
                    <Input
                      id={dateId}
                      className={own.date}
                      size="small"
                      type="date"
                      value={nextDates[item.rowIndex] ?? addDays(today, DEFAULT_NEXT_DAYS)}
                      onChange={(_, d) => setNextDates((m) => ({ ...m, [item.rowIndex]: d.value }))}
                    />
                    {OUTCOME_KINDS.map((kind) => (
                      <Button
                        key={kind}
                        size="small"
                        appearance={kind === 'followed' ? 'primary' : 'secondary'}
                        disabled={busyRow !== null}
                        onClick={() => void record(item, kind, position)}
                        data-outcome={kind}
                      >
                        {tr(OUTCOME_LABEL[kind])}
                      </Button>
                    ))}
                  </div>
                </div>
              );
            })}
          </div>
          {list.due.length > shown && (
            <Button onClick={() => setShown((n) => n + PAGE)}>{tr(ft.showMore, { n: Math.min(PAGE, list.due.length - shown), total: list.due.length })}</Button>
          )}
        </>
      )}
      <OutboxPanel />
    </section>
  );
}
