import { makeStyles, tokens } from '@fluentui/react-components';

export const useShellStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  pane: { maxWidth: '480px', minWidth: '300px', flexShrink: 0 },
  view: { padding: '8px 12px 24px' },
  demoLayout: { display: 'flex', flexWrap: 'wrap', gap: '16px', alignItems: 'flex-start' },
});

export const useViewStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px', textAlign: 'left' },
  num: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px', textAlign: 'right' },
  /** Long lists scroll inside the pane instead of stretching it. */
  scroll: { maxHeight: '60vh', overflowY: 'auto' },
  /** Wide data tables (the demo log) keep one line per cell and scroll sideways. */
  nowrap: { whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});
