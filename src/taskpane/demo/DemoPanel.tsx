/**
 * Demo mode only: the in-memory log shown as a table beside the pane (so a visitor sees what the form wrote),
 * plus controls to add sample rows and to make the next write fail.
 */
import { useEffect, useState } from 'react';
import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { serialToIso } from '../../core/dates';
import { ui } from '../../core/i18n/ui';
import { column, header, keyForHeader, type ColumnKey } from '../../core/schema';
import type { LogSnapshot } from '../../core/workbook';
import { useApp, useT } from '../appContext';
import { useViewStyles } from '../shell/styles';
import { demoControls } from './demoWorkbook';

const SHOWN_ROWS = 100;

const useDemoStyles = makeStyles({
  marked: { backgroundColor: tokens.colorPaletteRedBackground2 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

function display(key: ColumnKey | undefined, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (key && typeof v === 'number' && column(key).holdsDate) return serialToIso(v);
  return String(v);
}

export default function DemoPanel(): JSX.Element {
  const { workbook, state, lang, refreshState } = useApp();
  const tr = useT();
  const styles = useViewStyles();
  const demoStyles = useDemoStyles();
  const [snap, setSnap] = useState<LogSnapshot | null>(null);
  // Highlights and selection as the workbook holds them, so the demo shows what Check does to the grid.
  const [marks, setMarks] = useState<ReadonlySet<string>>(() => new Set());
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    if (!workbook) return;
    let live = true;
    const load = () => {
      const wb = demoControls()?.workbook;
      if (wb) {
        const s = wb.snapshot();
        setMarks(new Set(s.marks.map((m) => `${m.rowIndex}:${m.key}`)));
        setSelected(s.selected ? `${s.selected.rowIndex}:${s.selected.key}` : null);
      }
      workbook.readLog().then(
        (s) => live && setSnap(s),
        () => live && setSnap(null),
      );
    };
    load();
    const off = demoControls()?.onChange(() => {
      load();
      void refreshState();
    });
    return () => {
      live = false;
      off?.();
    };
  }, [workbook, refreshState]);

  const rows = snap?.rows ?? [];
  const first = Math.max(0, rows.length - SHOWN_ROWS);
  const keys = snap?.headers.map((h) => keyForHeader(h)) ?? [];

  return (
    <aside className={styles.stack} style={{ flex: '1 1 480px', minWidth: 0, padding: '8px 12px', overflowX: 'auto' }} aria-labelledby="demo-log-heading">
      <Text weight="semibold">{tr(ui.demoBanner)}</Text>
      <div className={styles.row}>
        <Button size="small" onClick={() => demoControls()?.seed(100)}>
          {tr(ui.demoSeed, { n: 100 })}
        </Button>
        <Button size="small" onClick={() => demoControls()?.failNextWrite()}>
          {tr(ui.demoFailNext)}
        </Button>
      </div>
      <h2 id="demo-log-heading">{tr(ui.demoLogHeading)}</h2>
      {!state?.templatePresent || !snap ? (
        <Text>{tr(ui.demoLogEmpty)}</Text>
      ) : (
        <>
          {first > 0 && <Text size={200}>{tr(ui.demoRowsShown, { shown: rows.length - first, total: rows.length })}</Text>}
          <div style={{ maxHeight: '85vh', overflow: 'auto' }}>
            <table className={mergeClasses(styles.table, styles.nowrap)} data-testid="demo-log-table" data-total-rows={rows.length}>
              <thead>
                <tr>
                  <th className={styles.cell}>#</th>
                  {snap.headers.map((h, i) => (
                    <th key={i} className={styles.cell} data-key={keys[i] ?? ''}>
                      {keys[i] ? header(keys[i] as ColumnKey, lang) : h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(first).map((row, r) => (
                  <tr key={first + r} data-row={first + r}>
                    <td className={styles.cell}>{snap.firstSheetRow + first + r}</td>
                    {row.map((v, i) => (
                      <td key={i} className={styles.cell} data-key={keys[i] ?? ''}>
                        {display(keys[i], v)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </aside>
  );
}
