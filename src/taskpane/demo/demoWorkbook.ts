/**
 * The browser demo (taskpane.html?demo): the pane on an in-memory workbook that starts without the template.
 * URL options: `seed=N` fills the log with N sample rows (the template is inserted first), `plant=K` plants one
 * known error every K rows. `window.__shopStatsDemo` exposes the controls the end-to-end tests drive; it exists only
 * in demo mode.
 */
import type { WorkbookErrorCode } from '../../core/workbook';
import { MemoryWorkbook } from '../../memory/MemoryWorkbook';
import { sampleRows, type PlantedError } from './sampleRows';

export interface DemoControls {
  workbook: MemoryWorkbook;
  /** Append n sample rows (plant one error every `plantEvery` rows when > 0). */
  seed(n: number, plantEvery?: number): Promise<PlantedError[]>;
  /** Make the next write (or the next n) fail with a retryable error by default. */
  failNextWrite(n?: number, code?: WorkbookErrorCode): void;
  onChange(listener: () => void): () => void;
  /** Errors planted so far, by data-row index. */
  planted: PlantedError[];
}

declare global {
  interface Window {
    __shopStatsDemo?: DemoControls;
  }
}

let controls: DemoControls | null = null;

export function demoControls(): DemoControls | null {
  return controls;
}

function positiveInt(v: string | null): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

export async function startDemo(search: string): Promise<MemoryWorkbook> {
  const params = new URLSearchParams(search);
  // A little latency so the demo shows the busy states a real workbook has.
  const workbook = new MemoryWorkbook({ latencyMs: 30 });
  let seeded = 0;
  const c: DemoControls = {
    workbook,
    planted: [],
    async seed(n, plantEvery = 0) {
      const { rows, planted } = sampleRows(n, { seed: 20261124 + seeded, plantEvery });
      const offset = workbook.snapshot().log?.rows.length ?? 0;
      seeded += n;
      const shifted = planted.map((p) => ({ ...p, rowIndex: p.rowIndex + offset }));
      c.planted.push(...shifted);
      await workbook.seed(rows);
      return shifted;
    },
    failNextWrite(n = 1, code = 'busy') {
      workbook.failNext(n, code);
    },
    onChange: (listener) => workbook.onChange(listener),
  };
  controls = c;
  window.__shopStatsDemo = c;
  const n = positiveInt(params.get('seed'));
  if (n > 0) await c.seed(n, positiveInt(params.get('plant')));
  return workbook;
}
