/**
 * The pane shell: theme and language, the tab navigation (kept in sync with navigation.ts so ribbon commands can
 * switch views), and the views, of which only Home ships in the first chunk.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Button, FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { langFromLocale, t, type Text } from '../core/i18n';
import { shortcutView, VIEW_ORDER } from './shortcuts';
import { ui } from '../core/i18n/ui';
import type { Lang } from '../core/schema';
import type { Workbook, WorkbookState } from '../core/workbook';
import { AppContext, type AppContextValue } from './appContext';
import type { HostInfo } from './hostInfo';
import { currentView, navigate, onNavigate, type ViewId } from './navigation';
import { langPref, setLangPref, type LangPref } from './prefs';
import { createWorkbook } from './workbookFactory';
import { errorNotice } from './errors';
import { HomeView } from './views/HomeView';
import { OutsideOffice } from './views/OutsideOffice';
import { ViewBoundary } from './views/ViewBoundary';
import { useShellStyles } from './shell/styles';
import { Busy } from './shell/Busy';
import { ViewTabs } from './shell/ViewTabs';

const EntryView = lazy(() => import(/* webpackChunkName: "entry" */ './views/EntryView'));
const CheckView = lazy(() => import(/* webpackChunkName: "check" */ './views/CheckView'));
const ReportsView = lazy(() => import(/* webpackChunkName: "reports" */ './views/ReportsView'));
const FollowUpsView = lazy(() => import(/* webpackChunkName: "followups" */ './views/FollowUpsView'));
const ImportView = lazy(() => import(/* webpackChunkName: "import" */ './views/ImportView'));
const SettingsView = lazy(() => import(/* webpackChunkName: "settings" */ './views/SettingsView'));
const DemoPanel = lazy(() => import(/* webpackChunkName: "demo-panel" */ './demo/DemoPanel'));

/** Tab labels; the order is VIEW_ORDER's (shortcuts.ts), so Alt+n opens the n-th tab. */
const TAB_LABELS: Readonly<Record<ViewId, Text>> = {
  home: ui.navHome,
  entry: ui.navEntry,
  followups: ui.navFollowUps,
  check: ui.navCheck,
  reports: ui.navReports,
  import: ui.navImport,
  settings: ui.navSettings,
};

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
  const [loadError, setLoadError] = useState<Text | null>(null);
  const [outboxCount, setOutboxCount] = useState(0);

  useEffect(() => onNavigate(setView), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = shortcutView(e);
      if (!target) return;
      e.preventDefault();
      navigate(target);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (given !== undefined || host.kind === 'browser') return;
    let live = true;
    createWorkbook(host.kind).then(
      (wb) => live && setWorkbook(wb),
      (e: unknown) => live && setLoadError(errorNotice(e)),
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
      setLoadError(errorNotice(e));
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
            <ViewTabs
              tabs={VIEW_ORDER.map((id, i) => ({ id, label: t(TAB_LABELS[id], lang), shortcut: `Alt+${i + 1}` }))}
              selected={view}
              onSelect={navigate}
              label={t(ui.navLabel, lang)}
            />
            <main className={styles.view}>
              {loadError && <p role="alert">{loadError[lang]}</p>}
              {outboxCount > 0 && view !== 'entry' && (
                <Button appearance="transparent" size="small" onClick={() => navigate('entry')} data-testid="outbox-notice">
                  {t(ui.outboxHeading, lang, { count: outboxCount })}
                </Button>
              )}
              <ViewBoundary key={view} message={t(ui.viewLoadFailed, lang)}>
                <Suspense fallback={<Busy label={t(ui.loading, lang)} />}>
                  {view === 'home' && <HomeView />}
                  {view === 'entry' && <EntryView />}
                  {view === 'followups' && <FollowUpsView />}
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
