/**
 * 录入 Entry: one field per input column, labelled with its header in the pane's language; live rules from core;
 * Enter submits from any field; focus returns to 客户ID after a write; failed writes go to the outbox below.
 */
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Toast,
  Toaster,
  ToastTitle,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { t } from '../../core/i18n';
import { ui } from '../../core/i18n/ui';
import { column, header, INPUT_KEYS, listLabel, type InputKey, type ListKey } from '../../core/schema';
import type { WrittenRow } from '../../core/workbook';
import { useApp, useT } from '../appContext';
import { useEntryForm } from '../entry/useEntryForm';
import { OutboxPanel } from '../entry/OutboxPanel';
import { useViewStyles } from '../shell/styles';

export default function EntryView(): JSX.Element {
  const { workbook, lang, state, refreshState } = useApp();
  const tr = useT();
  const styles = useViewStyles();
  const toasterId = useId('entry-toaster');
  const { dispatchToast } = useToastController(toasterId);
  const customerRef = useRef<HTMLInputElement>(null);

  const onWritten = useCallback(
    (row: WrittenRow) => {
      dispatchToast(
        <Toast>
          <ToastTitle>{t(ui.savedRow, lang, { row: row.sheetRow })}</ToastTitle>
        </Toast>,
        { intent: 'success', timeout: 3000 },
      );
      void refreshState();
    },
    [dispatchToast, lang, refreshState],
  );
  const form = useEntryForm(workbook, onWritten);

  useEffect(() => {
    customerRef.current?.focus();
  }, []);

  async function submit(confirm = false): Promise<void> {
    await form.submit(confirm);
    customerRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>): void {
    // Enter submits from any field, selects included (a native form only does it for text inputs).
    const target = e.target as HTMLElement;
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || target.tagName === 'BUTTON' || target.tagName === 'TEXTAREA') return;
    e.preventDefault();
    void submit(form.awaitingDuplicateConfirm);
  }

  const messageFor = (key: InputKey): { state?: 'error' | 'warning'; message?: string } => {
    if (!form.shown(key)) return {};
    const err = form.check.errors.find((i) => i.key === key);
    if (err) return { state: 'error', message: err.message[lang] };
    const warn = form.check.warnings.find((i) => i.key === key);
    if (warn) return { state: 'warning', message: warn.message[lang] };
    return {};
  };

  function renderInput(key: InputKey): JSX.Element {
    const def = column(key);
    const value = form.values[key];
    const set = (v: string) => form.setField(key, v);
    const common = { name: key, 'data-key': key } as const;
    if (def.type === 'list' && !def.freeTextAllowed) {
      const list = def.list as ListKey;
      const options = form.lists[list];
      const extra = value && !options.includes(value) ? [value] : [];
      return (
        <Select {...common} value={value} onChange={(_, d) => set(d.value)}>
          <option value="">{tr(ui.selectPlaceholder)}</option>
          {[...options, ...extra].map((v) => (
            <option key={v} value={v}>
              {listLabel(list, v, lang)}
            </option>
          ))}
        </Select>
      );
    }
    if (def.type === 'list') {
      // Product and agent: a combobox that suggests the list and accepts free text (validation warns).
      const listId = `entry-list-${key}`;
      return (
        <>
          <Input {...common} value={value} list={listId} autoComplete="off" onChange={(_, d) => set(d.value)} />
          <datalist id={listId}>
            {form.lists[def.list as ListKey].map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        </>
      );
    }
    if (def.type === 'date') return <Input {...common} type="date" value={value} onChange={(_, d) => set(d.value)} />;
    if (def.type === 'int' || def.type === 'decimal') {
      // Text with a numeric keyboard: people type 1,280.50, ¥1280 or full-width digits, which core normalises.
      return <Input {...common} inputMode={def.type === 'int' ? 'numeric' : 'decimal'} value={value} autoComplete="off" onChange={(_, d) => set(d.value)} />;
    }
    if (key === 'customerId') {
      return (
        <>
          <Input {...common} ref={customerRef} value={value} list="entry-customer-ids" autoComplete="off" onChange={(_, d) => set(d.value)} />
          <datalist id="entry-customer-ids">
            {form.customerIds.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        </>
      );
    }
    return <Input {...common} value={value} maxLength={def.maxLength} autoComplete="off" onChange={(_, d) => set(d.value)} />;
  }

  const noTemplate = state !== null && !state.templatePresent;

  return (
    <section className={styles.stack}>
      <Toaster toasterId={toasterId} position="top-end" />
      <h2>{tr(ui.entryHeading)}</h2>
      {noTemplate && (
        <MessageBar intent="warning">
          <MessageBarBody>{tr(ui.entryNeedTemplate)}</MessageBarBody>
        </MessageBar>
      )}
      {form.status && (
        <MessageBar intent={form.status.kind} data-testid="entry-status">
          <MessageBarBody role={form.status.kind === 'error' ? 'alert' : 'status'}>{form.status.text[lang]}</MessageBarBody>
        </MessageBar>
      )}
      <form
        className={styles.stack}
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void submit(form.awaitingDuplicateConfirm);
        }}
        data-testid="entry-form"
      >
        {INPUT_KEYS.map((key) => {
          const m = messageFor(key);
          const hint = key === 'product' ? tr(ui.productFree) : undefined;
          return (
            <Field
              key={key}
              label={header(key, lang)}
              required={form.check.required.has(key)}
              validationState={m.state}
              validationMessage={m.message}
              hint={m.message ? undefined : hint}
            >
              {renderInput(key)}
            </Field>
          );
        })}
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={!workbook || form.submitting}>
            {tr(ui.submit)}
          </Button>
          {form.awaitingDuplicateConfirm && (
            <Button type="button" onClick={() => void submit(true)}>
              {tr(ui.confirmDuplicate)}
            </Button>
          )}
          <Button type="button" appearance="subtle" onClick={form.clear}>
            {tr(ui.clearForm)}
          </Button>
          {form.submitting && <Spinner size="tiny" label={tr(ui.submitting)} />}
        </div>
      </form>
      {form.lastWritten && (
        <div className={styles.row}>
          <Button type="button" onClick={() => void form.undoLast()}>
            {tr(ui.undoLast)}
          </Button>
        </div>
      )}
      <OutboxPanel />
    </section>
  );
}
