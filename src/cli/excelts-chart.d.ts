/**
 * Types for the excelts chart entry point: the package publishes it only through package.json "exports", which
 * TypeScript's "node" module resolution (this project's) does not read. Node and jest resolve it at run time.
 */
declare module '@cj-tech-master/excelts/chart' {
  export function installChartSupport(): void;
}
