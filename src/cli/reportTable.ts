/** The report tables moved to core (the pane's period sheet uses them too); the kit keeps importing them from here. */
export * from '../core/reports/reportTable';
