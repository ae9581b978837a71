/** The outbox: entries and follow-up outcomes not yet in the workbook, with their last error, "retry now" and "discard". */
import { useEffect, useState } from 'react';
import { Button, Card, Text } from '@fluentui/react-components';
import { ui } from '../../core/i18n/ui';
import { followUpText as ft } from '../../core/i18n/followups';
import { OUTCOME_VALUE } from '../../core/followups';
import { listLabel } from '../../core/schema';
import { useApp, useT } from '../appContext';
import { useViewStyles } from '../shell/styles';
import type { OutboxItem } from './outbox';
import { discard, getOutbox, retryNow } from './outboxRunner';

export function useOutboxItems(): readonly OutboxItem[] {
  const [items, setItems] = useState(() => getOutbox().list());
  useEffect(() => {
    setItems(getOutbox().list());
    return getOutbox().subscribe(setItems);
  }, []);
  return items;
}

export function OutboxPanel(): JSX.Element | null {
  const items = useOutboxItems();
  const { lang } = useApp();
  const tr = useT();
  const styles = useViewStyles();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="outbox-heading" data-testid="outbox" className={styles.stack}>
      <h3 id="outbox-heading">{tr(ui.outboxHeading, { count: items.length })}</h3>
      <Text className={styles.muted}>{tr(ui.outboxExplain)}</Text>
      {items.map((item) => (
        <Card key={item.id} data-testid="outbox-item">
          <Text weight="semibold">
            {item.kind === 'followUp'
              ? tr(ft.outboxItem, { row: item.followUp.sheetRow, outcome: listLabel('followUp', OUTCOME_VALUE[item.followUp.outcome], lang) })
              : tr(ui.outboxItem, { date: item.entry.date, customer: item.entry.customerId, product: item.entry.product })}
          </Text>
          <Text size={200}>{tr(ui.outboxAttempts, { n: item.attempts, reason: item.lastError[lang] })}</Text>
          <div className={styles.row}>
            <Button size="small" onClick={() => void retryNow(item.id)}>
              {tr(ui.retryNow)}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => discard(item.id)}>
              {tr(ui.discard)}
            </Button>
          </div>
        </Card>
      ))}
    </section>
  );
}
