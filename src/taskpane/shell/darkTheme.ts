// A separate chunk: most panes open light, so the dark theme is fetched only when Office (or the browser) is dark.
export { webDarkTheme } from '@fluentui/react-components';
