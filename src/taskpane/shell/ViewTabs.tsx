/**
 * The pane's view tabs: the WAI-ARIA tabs pattern (role tablist/tab, one tab in the Tab order, arrow keys, Home and
 * End move and select) styled with Fluent's theme tokens. Written here rather than Fluent's TabList because TabList
 * brings @fluentui/react-tabs and tabster into the first-paint bundle (about 17 KiB gzip, measured with
 * `npm run bench`), for a row of six buttons.
 */
import { useRef, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', columnGap: '2px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    position: 'relative',
    background: 'none',
    border: 'none',
    padding: '6px 8px',
    cursor: 'pointer',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': {
      content: '""',
      position: 'absolute',
      left: '8px',
      right: '8px',
      bottom: '0',
      height: '3px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

export interface ViewTab<T extends string> {
  id: T;
  label: string;
  /** aria-keyshortcuts value, e.g. "Alt+3". */
  shortcut?: string;
}

export interface ViewTabsProps<T extends string> {
  tabs: ReadonlyArray<ViewTab<T>>;
  selected: T;
  onSelect(id: T): void;
  label: string;
}

export function ViewTabs<T extends string>({ tabs, selected, onSelect, label }: ViewTabsProps<T>): JSX.Element {
  const styles = useStyles();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const at = tabs.findIndex((t) => t.id === selected);
    const last = tabs.length - 1;
    const next =
      e.key === 'ArrowRight' ? (at + 1) % tabs.length
      : e.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : -1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next].id);
    refs.current[next]?.focus();
  }

  return (
    <div role="tablist" aria-label={label} className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((tab, i) => {
        const on = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(el) => (refs.current[i] = el)}
            type="button"
            role="tab"
            aria-selected={on}
            tabIndex={on ? 0 : -1}
            aria-keyshortcuts={tab.shortcut}
            title={tab.shortcut}
            className={mergeClasses(styles.tab, on && styles.selected)}
            onClick={() => onSelect(tab.id)}
            data-testid={`tab-${tab.id}`}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
