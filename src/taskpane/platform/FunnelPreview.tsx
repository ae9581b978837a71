/** The funnel by day and the reconciliation by day, as the 漏斗 sheet computes them (numbers from core). */
import { Text } from '@fluentui/react-components';
import { t } from '../../core/i18n';
import { platform as P } from '../../core/i18n/platform';
import { FUNNEL_BLOCKS, type BlockId, type FunnelResult } from '../../core/platform/funnel';
import type { Lang } from '../../core/schema';
import { useViewStyles } from '../shell/styles';

function show(v: number | null, format: string): string {
  if (v === null) return '';
  if (format === 'percent') return `${(v * 100).toFixed(2)}%`;
  if (format === 'money') return v.toFixed(2);
  return String(v);
}

function Block({ result, id, title, lang }: { result: FunnelResult; id: BlockId; title: string; lang: Lang }): JSX.Element {
  const styles = useViewStyles();
  const def = FUNNEL_BLOCKS.find((b) => b.id === id)!;
  return (
    <div className={styles.stack}>
      <Text weight="semibold">{title}</Text>
      <div className={styles.scroll} style={{ overflowX: 'auto' }}>
        <table className={`${styles.table} ${styles.nowrap}`} data-testid={`funnel-${id}`}>
          <thead>
            <tr>
              <th className={styles.cell}>{t(def.keyHeader, lang)}</th>
              {def.labelHeader && <th className={styles.cell}>{t(def.labelHeader, lang)}</th>}
              {def.columns.map((c) => (
                <th key={c.id} className={styles.num}>{t(c.header, lang)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result[id].map((row) => (
              <tr key={row.key}>
                <td className={styles.cell}>{row.key}</td>
                {def.labelHeader && <td className={styles.cell}>{row.label ?? ''}</td>}
                {def.columns.map((c) => (
                  <td key={c.id} className={styles.num}>{show(row.values[c.id], c.format)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Every block that has rows: by day, by week, by product, and the two reconciliations. */
export function FunnelPreview({ result, lang }: { result: FunnelResult; lang: Lang }): JSX.Element {
  const styles = useViewStyles();
  return (
    <div className={styles.stack}>
      {result.daily.length === 0 && <Text className={styles.muted}>{t(P.noDailyFunnel, lang)}</Text>}
      {FUNNEL_BLOCKS.filter((b) => result[b.id].length > 0).map((b) => (
        <Block key={b.id} result={result} id={b.id} title={t(b.title, lang)} lang={lang} />
      ))}
    </div>
  );
}
