/** The eight reports of DESIGN.md, by stable id (used by the pane, the CLI's --json and the report sheet). */
export const REPORT_IDS = ['channel', 'region', 'customerMix', 'noDealReasons', 'products', 'agents', 'daily', 'followUp'] as const;
export type ReportId = (typeof REPORT_IDS)[number];
