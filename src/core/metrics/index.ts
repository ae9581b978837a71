/** Metric functions of the SHOP.* catalog: pure, bilingual errors, shared by the custom functions, pane and CLI. */
export { MetricError, isMetricError, type ExcelErrorCode } from './errors';
export { cvr, inquiryRate, inquiryCvr, silentCvr, ctr, repurchase, remindRate, refundRate } from './conversion';
export { uvValue, aov, roi, breakevenRoi, orders } from './marketing';
export { dealRate, countDeals } from './dealRate';
export { serviceFactor, ssDays, safetyStock, ssHistory, salesStats, ssMaxAvg, rop, safetyDays } from './stock';
export { inverseNormal, normalCdf } from './normal';
export { compileCriterion } from './criteria';
export { FUNCTION_CATALOG, functionSpec, type FunctionId } from './catalog';
export { HELP_BASE_URL, helpUrl, type FunctionSpec, type ParamSpec, type Family } from './spec';
