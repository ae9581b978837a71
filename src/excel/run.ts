/**
 * Every Excel.run goes through one queue: runs never overlap (two batches interleaving their syncs could see each
 * other's half-written state), each has a time-out (a sync on Excel on the web can hang when the service is busy),
 * and Office errors come out as WorkbookError with a code the pane can act on (retry, outbox, ask).
 */
import { fill } from '../core/i18n';
import { workbookText } from '../core/i18n/workbook';
import { LOG_TABLE } from '../core/schema';
import { WorkbookError } from '../core/workbook';

/** Runs one batch against a request context; the Office implementation wraps Excel.run, tests pass a fake. */
export type RunFn = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The real thing: Excel.run, waiting while the user is editing a cell instead of failing. */
export const excelRun: RunFn = (batch) => Excel.run({ delayForCellEdit: true }, batch);

/** Office error codes that mean "try again later". */
const BUSY_CODES = new Set(['ActivityLimitReached', 'Conflict', 'ServiceNotAvailable', 'RequestAborted', 'EditModeCannotAcquire', 'Timeout']);
const MISSING_CODES = new Set(['ItemNotFound', 'InvalidReference']);
const UNSUPPORTED_CODES = new Set(['ApiNotFound', 'NotImplemented', 'UnsupportedOperation']);

function officeCode(err: unknown): string | null {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

function detail(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Map any thrown value to a WorkbookError. */
export function toWorkbookError(err: unknown): WorkbookError {
  if (err instanceof WorkbookError) return err;
  const code = officeCode(err);
  if (code && MISSING_CODES.has(code)) return new WorkbookError('tableMissing', fill(workbookText.errTableMissing, { table: LOG_TABLE }), false);
  if (code && BUSY_CODES.has(code)) return new WorkbookError('busy', workbookText.errBusy, true);
  if (code && UNSUPPORTED_CODES.has(code)) return new WorkbookError('notSupported', fill(workbookText.errNotSupported, { set: code }), false);
  // AccessDenied: "You cannot perform the requested operation" — for our writes, a protected sheet or workbook.
  if (code === 'AccessDenied') return new WorkbookError('protected', workbookText.errProtected, false);
  // Excel on the web's 5 MB limits: the same request would fail again, so not retryable (a chunked read halves instead).
  if (code === 'RequestPayloadSizeLimitExceeded') return new WorkbookError('tooLarge', workbookText.errRequestTooLarge, false);
  if (code === 'ResponsePayloadSizeLimitExceeded') return new WorkbookError('tooLarge', workbookText.errResponseTooLarge, false);
  if (code === 'InsertDeleteConflict') return new WorkbookError('writeFailed', fill(workbookText.errWriteFailed, { detail: code }), true);
  return new WorkbookError('unknown', fill(workbookText.errUnknown, { detail: code ? `${code}: ${detail(err)}` : detail(err) }), false);
}

export interface QueueOptions {
  timeoutMs?: number;
  /** Injected for tests: the timer used for the time-out. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Wrap a RunFn into a serialised, timed-out, error-mapping one. A timed-out batch releases the queue (the next
 * run may start) but its own promise rejects with 'timeout', retryable.
 */
export function createQueue(run: RunFn, options: QueueOptions = {}): RunFn {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let tail: Promise<unknown> = Promise.resolve();

  return <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const start = tail.then(
      () => undefined,
      () => undefined,
    );
    const result = start.then(
      () =>
        new Promise<T>((resolve, reject) => {
          let settled = false;
          const timer = setTimer(() => {
            if (settled) return;
            settled = true;
            reject(new WorkbookError('timeout', fill(workbookText.errTimeout, { seconds: Math.round(timeoutMs / 1000) }), true));
          }, timeoutMs);
          run(batch).then(
            (value) => {
              if (settled) return;
              settled = true;
              clearTimer(timer);
              resolve(value);
            },
            (err: unknown) => {
              if (settled) return;
              settled = true;
              clearTimer(timer);
              reject(toWorkbookError(err));
            },
          );
        }),
    );
    tail = result;
    return result;
  };
}
