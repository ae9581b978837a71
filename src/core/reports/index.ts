/** Reports in core: definitions, the TypeScript aggregation, the pane summary, the native-formula layout. */
export * from './definitions';
export * from './aggregate';
export * from './summarize';
export * from './formulaLayout';
export * from './sheetPlan';
