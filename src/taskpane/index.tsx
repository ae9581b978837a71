/**
 * Pane entry point (shared runtime page). Waits for Office — or decides it is not in Office (office.js missing,
 * or onReady resolving with no host) — then renders once.
 */
import { createRoot } from 'react-dom/client';
import type { Theme } from '@fluentui/react-components';
import { App } from './App';
import { detectHost } from './hostInfo';

/** The dark theme chunk; light if it cannot load (the pane must render either way). */
async function darkTheme(): Promise<Theme | undefined> {
  try {
    return (await import(/* webpackChunkName: "theme-dark" */ './shell/darkTheme')).webDarkTheme;
  } catch {
    return undefined;
  }
}

async function boot(): Promise<void> {
  const host = await detectHost(location.search);
  const theme = host.dark ? await darkTheme() : undefined;
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  createRoot(container).render(<App host={host} theme={theme} />);
}

void boot();
