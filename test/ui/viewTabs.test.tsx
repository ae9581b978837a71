/** @jest-environment jsdom */
import './jsdomShims';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { currentView, navigate } from '../../src/taskpane/navigation';
import { resetOutboxForTests } from '../../src/taskpane/entry/outboxRunner';
import { shortcutView, VIEW_ORDER } from '../../src/taskpane/shortcuts';

beforeEach(() => {
  localStorage.clear();
  resetOutboxForTests();
  act(() => navigate('home'));
});

const key = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods,
});

test('Alt+digit names a view in tab order; other chords do not', () => {
  expect(VIEW_ORDER.map((_, i) => shortcutView(key(`Digit${i + 1}`, { altKey: true })))).toEqual(VIEW_ORDER);
  expect(shortcutView(key('Numpad3', { altKey: true }))).toBe('followups');
  expect(shortcutView(key('Digit3'))).toBeNull();
  expect(shortcutView(key('Digit3', { altKey: true, ctrlKey: true }))).toBeNull();
  expect(shortcutView(key('Digit9', { altKey: true }))).toBeNull();
});

test('the tabs follow the tabs pattern: one tab stop, arrows / Home / End select, Alt+3 opens follow-ups', async () => {
  const wb = new MemoryWorkbook();
  await wb.insertTemplate({ lang: 'zh-CN' });
  render(<App host={{ kind: 'demo', locale: 'zh-CN', dark: false }} workbook={wb} />);
  const tabs = screen.getAllByRole('tab');
  expect(tabs.map((t) => t.textContent)).toEqual(['首页', '录入', '待跟进', '检查', '报表', '平台数据', '设置']);
  expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1', '-1', '-1']);
  expect(tabs.map((t) => t.getAttribute('aria-keyshortcuts'))).toEqual(['Alt+1', 'Alt+2', 'Alt+3', 'Alt+4', 'Alt+5', 'Alt+6', 'Alt+7']);
  fireEvent.keyDown(tabs[0], { key: 'ArrowRight' });
  expect(currentView()).toBe('entry');
  expect(document.activeElement).toBe(tabs[1]);
  fireEvent.keyDown(tabs[1], { key: 'End' });
  expect(currentView()).toBe('settings');
  fireEvent.keyDown(tabs[5], { key: 'ArrowRight' });
  expect(currentView()).toBe('home');
  fireEvent.keyDown(document.body, { code: 'Digit3', altKey: true });
  expect(await screen.findByRole('heading', { name: '今日待跟进' })).toBeTruthy();
  expect(screen.getByRole('tab', { name: '待跟进' }).getAttribute('aria-selected')).toBe('true');
});
