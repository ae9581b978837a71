/**
 * Pane entry point (shared runtime page). Waits for Office — or decides it is not in Office (office.js missing,
 * or onReady resolving with no host) — then renders once.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost } from './hostInfo';

async function boot(): Promise<void> {
  const host = await detectHost(location.search);
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  createRoot(container).render(<App host={host} />);
}

void boot();
