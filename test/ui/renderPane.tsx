import './jsdomShims';
/** Renders pane views inside the providers the shell gives them, on an in-memory workbook. */
import { act, render, type RenderResult } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Lang } from '../../src/core/schema';
import type { Workbook, WorkbookState } from '../../src/core/workbook';
import { AppContext } from '../../src/taskpane/appContext';

export async function renderPane(ui: ReactElement, workbook: Workbook, lang: Lang = 'zh-CN'): Promise<RenderResult> {
  let state: WorkbookState = await workbook.getState();
  const value = {
    lang,
    hostKind: 'demo' as const,
    workbook,
    state,
    refreshState: async () => {
      state = await workbook.getState();
    },
  };
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <AppContext.Provider value={value}>{ui}</AppContext.Provider>
    </FluentProvider>,
  );
  // Let the view's first reads (lists, log) settle inside act.
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  return result;
}
