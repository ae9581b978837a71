/**
 * The pane shell: theme and language, the tab navigation (kept in sync with navigation.ts so ribbon commands can
 * switch views), and the views, of which only Home ships in the first chunk.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Button, FluentProvider, Tab, TabList, webLightTheme, type Theme } from '@fluentui/react-components';
import { langFromLocale, t } from '../core/i18n';
import { ui } from '../core/i18n/ui';
import type { Text } from '../core/i18n';
import type { Lang } from '../core/schema';
import type { Workbook, WorkbookState } from '../core/workbook';
import { AppContext, type AppContextValue } from './appContext';
import type { HostInfo } from './hostInfo';
import { currentView, navigate, onNavigate, type ViewId } from './navigation';
import { langPref, setLangPref, type LangPref } from './prefs';
import { createWorkbook } from './workbookFactory';
import { HomeView } from './views/HomeView';
import { OutsideOffice } from './views/OutsideOffice';
import { ViewBoundary } from './views/ViewBoundary';
import { useShellStyles } from './shell/styles';
import { Busy } from './shell/Busy';

const EntryView = lazy(() => import(/* webpackChunkName: "entry" */ './views/EntryView'));
const CheckView = lazy(() => import(/* webpackChunkName: "check" */ './views/CheckView'));
const ReportsView = lazy(() => import(/* webpackChunkName: "reports" */ './views/ReportsView'));
const ImportView = lazy(() => import(/* webpackChunkName: "import" */ './views/ImportView'));
const SettingsView = lazy(() => import(/* webpackChunkName: "settings" */ './views/SettingsView'));
const DemoPanel = lazy(() => import(/* webpackChunkName: "demo-panel" */ './demo/DemoPanel'));

const TABS: ReadonlyArray<{ id: ViewId; label: Text }> = [
  { id: 'home', label: ui.navHome },
  { id: 'entry', label: ui.navEntry },
  { id: 'check', label: ui.navCheck },
  { id: 'reports', label: ui.navReports },
  { id: 'import', label: ui.navImport },
  { id: 'settings', label: ui.navSettings },
];

export interface AppProps {
  host: HostInfo;
  /** Tests pass a workbook directly; otherwise the factory picks one for the host. */
  workbook?: Workbook | null;
  /** The Fluent theme (index.tsx loads the dark one when the host is dark); light by default. */
  theme?: Theme;
}

export function resolveLang(pref: LangPref, locale: string): Lang {
  return pref === 'auto' ? langFromLocale(locale) : pref;
}

export function App({ host, workbook: given, theme = webLightTheme }: AppProps): JSX.Element {
  const styles = useShellStyles();
  const [pref, setPref] = useState<LangPref>(() => langPref());
  const lang = resolveLang(pref, host.locale);
  const [view, setView] = useState<ViewId>(() => currentView());
  const [workbook, setWorkbook] = useState<Workbook | null>(given ?? null);
  const [state, setState] = useState<WorkbookState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [outboxCount, setOutboxCount] = useState(0);

  useEffect(() => onNavigate(setView), []);

  useEffect(() => {
    if (given !== undefined || host.kind === 'browser') return;
    let live = true;
    createWorkbook(host.kind).then(
      (wb) => live && setWorkbook(wb),
      (e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [given, host.kind]);

  const refreshState = useCallback(async () => {
    if (!workbook) return;
    try {
      setState(await workbook.getState());
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, [workbook]);

  useEffect(() => {
    void refreshState();
  }, [refreshState]);

  // Entries left in the outbox (e.g. before a reload) are retried as soon as a workbook is there; loaded lazily.
  useEffect(() => {
    if (!workbook) return;
    let stop: (() => void) | null = null;
    let live = true;
    let unsubscribe: (() => void) | null = null;
    void import(/* webpackChunkName: "outbox" */ './entry/outboxRunner').then((m) => {
      if (!live) return;
      stop = m.startOutbox(workbook);
      const box = m.getOutbox();
      setOutboxCount(box.list().length);
      unsubscribe = box.subscribe((items) => setOutboxCount(items.length));
    });
    return () => {
      live = false;
      stop?.();
      unsubscribe?.();
    };
  }, [workbook]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(ui.appTitle, lang);
  }, [lang]);

  const changeLang = useCallback((next: LangPref) => {
    setLangPref(next);
    setPref(next);
  }, []);

  const ctx = useMemo<AppContextValue>(
    () => ({ lang, hostKind: host.kind, workbook, state, refreshState }),
    [lang, host.kind, workbook, state, refreshState],
  );

  if (host.kind === 'browser') {
    return (
      <FluentProvider theme={theme} className={styles.root}>
        <OutsideOffice />
      </FluentProvider>
    );
  }

  return (
    <FluentProvider theme={theme} className={styles.root}>
      <AppContext.Provider value={ctx}>
        <div className={host.kind === 'demo' ? styles.demoLayout : undefined}>
          <div className={styles.pane}>
            <TabList
              selectedValue={view}
              onTabSelect={(_, data) => navigate(data.value as ViewId)}
              aria-label={t(ui.navLabel, lang)}
              size="small"
            >
              {TABS.map((tab) => (
                <Tab key={tab.id} value={tab.id} data-testid={`tab-${tab.id}`}>
                  {t(tab.label, lang)}
                </Tab>
              ))}
            </TabList>
            <main className={styles.view}>
              {loadError && <p role="alert">{t(ui.errorPrefix, lang) + loadError}</p>}
              {outboxCount > 0 && view !== 'entry' && (
                <Button appearance="transparent" size="small" onClick={() => navigate('entry')} data-testid="outbox-notice">
                  {t(ui.outboxHeading, lang, { count: outboxCount })}
                </Button>
              )}
              <ViewBoundary key={view} message={t(ui.viewLoadFailed, lang)}>
                <Suspense fallback={<Busy label={t(ui.loading, lang)} />}>
                  {view === 'home' && <HomeView />}
                  {view === 'entry' && <EntryView />}
                  {view === 'check' && <CheckView />}
                  {view === 'reports' && <ReportsView />}
                  {view === 'import' && <ImportView />}
                  {view === 'settings' && <SettingsView pref={pref} onChange={changeLang} />}
                </Suspense>
              </ViewBoundary>
            </main>
          </div>
          {host.kind === 'demo' && workbook && (
            <Suspense fallback={null}>
              <DemoPanel />
            </Suspense>
          )}
        </div>
      </AppContext.Provider>
    </FluentProvider>
  );
}
