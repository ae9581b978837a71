import { WorkbookError } from '../../src/core/workbook';
import { createQueue, toWorkbookError, type RunFn } from '../../src/excel/run';
import { FakeExcel } from './fakeExcel';

describe('run queue', () => {
  test('runs never overlap: the second batch starts after the first settles', async () => {
    const fx = new FakeExcel();
    const run = createQueue(fx.run, { timeoutMs: 1000 });
    const events: string[] = [];
    const slow = run(async (ctx) => {
      events.push('a:start');
      await new Promise((r) => setTimeout(r, 30));
      await ctx.sync();
      events.push('a:end');
      return 'a';
    });
    const fast = run(async (ctx) => {
      events.push('b:start');
      await ctx.sync();
      events.push('b:end');
      return 'b';
    });
    expect(await Promise.all([slow, fast])).toEqual(['a', 'b']);
    expect(events).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
  });

  test('a failed run does not block the queue; errors are WorkbookErrors', async () => {
    const fx = new FakeExcel();
    const run = createQueue(fx.run);
    fx.failNextSync = 'ItemNotFound';
    await expect(run(async (ctx) => ctx.sync())).rejects.toMatchObject({ code: 'tableMissing', retryable: false });
    await expect(run(async (ctx) => { await ctx.sync(); return 1; })).resolves.toBe(1);
  });

  test('time-out uses the injected timer and is retryable', async () => {
    const timers: Array<() => void> = [];
    const never: RunFn = () => new Promise(() => undefined);
    const run = createQueue(never, { timeoutMs: 5000, setTimer: (fn) => timers.push(fn), clearTimer: () => undefined });
    const p = run(async () => 1);
    await Promise.resolve();
    await Promise.resolve();
    expect(timers).toHaveLength(1);
    timers[0]();
    const err = (await p.catch((e: unknown) => e)) as WorkbookError;
    expect([err.code, err.retryable, err.text['en-US']]).toEqual(['timeout', true, 'Excel did not answer within 5 s; will retry.']);
  });

  test.each([
    ['ActivityLimitReached', 'busy', true],
    ['Conflict', 'busy', true],
    ['InvalidReference', 'tableMissing', false],
    ['ApiNotFound', 'notSupported', false],
    ['RequestPayloadSizeLimitExceeded', 'tooLarge', false],
    ['ResponsePayloadSizeLimitExceeded', 'tooLarge', false],
    ['AccessDenied', 'protected', false],
    ['InsertDeleteConflict', 'writeFailed', true],
    ['Weird', 'unknown', false],
  ])('Office error %s → %s (retryable %s)', (code, expected, retryable) => {
    const err = toWorkbookError(Object.assign(new Error('x'), { code }));
    expect([err.code, err.retryable]).toEqual([expected, retryable]);
  });
});
