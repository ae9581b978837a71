/**
 * Messages of the SHOP.* functions' errors. `{param}` is the argument's name in the message's own language
 * (「访客数」 / visitors); other placeholders are values. Excel shows the message beside #VALUE! and #N/A; the other
 * codes carry it too so the pane and tests can show why.
 */
import type { TextTable } from './index';

export const functionsText = {
  notNumber: {
    'zh-CN': '「{param}」应为数字（收到“{value}”）',
    'en-US': '{param} must be a number (got “{value}”)',
  },
  booleanNotNumber: {
    'zh-CN': '「{param}」应为数字，不能是 TRUE/FALSE',
    'en-US': '{param} must be a number, not TRUE/FALSE',
  },
  notFinite: {
    'zh-CN': '「{param}」不是有效的数值',
    'en-US': '{param} is not a valid finite number',
  },
  negative: {
    'zh-CN': '「{param}」不能为负数',
    'en-US': '{param} cannot be negative',
  },
  zeroDenominator: {
    'zh-CN': '「{param}」为 0 或空白，无法作除数',
    'en-US': '{param} is 0 or blank, so it cannot be divided by',
  },
  subsetTooLarge: {
    'zh-CN': '「{part}」不能大于「{whole}」（前者是后者的一部分）',
    'en-US': '{part} cannot exceed {whole} (the first is part of the second)',
  },
  notAtLeast: {
    'zh-CN': '「{big}」不能小于「{small}」',
    'en-US': '{big} cannot be less than {small}',
  },
  notFraction: {
    'zh-CN': '「{param}」应为 0 到 1 之间的比例（如 0.015 或 1.5%），收到 {value}',
    'en-US': '{param} must be a fraction between 0 and 1 (e.g. 0.015 or 1.5%), got {value}',
  },
  serviceLevelRange: {
    'zh-CN': '「{param}」应大于 0 且小于 1（如 0.95 或 95%），收到 {value}',
    'en-US': '{param} must be greater than 0 and less than 1 (e.g. 0.95 or 95%), got {value}',
  },
  serviceLevelBelowHalf: {
    'zh-CN': '「{param}」低于 50% 时安全库存为负，请使用 0.5 到 1 之间的服务水平（收到 {value}）',
    'en-US': 'a {param} below 50% gives negative safety stock; use a level from 0.5 up to 1 (got {value})',
  },
  marginRange: {
    'zh-CN': '「{param}」应大于 0 且不超过 1（如 0.3 或 30%），收到 {value}',
    'en-US': '{param} must be greater than 0 and at most 1 (e.g. 0.3 or 30%), got {value}',
  },
  needsAvgDemand: {
    'zh-CN': '给出「{given}」时必须同时给出「{param}」',
    'en-US': '{param} is required when {given} is given',
  },
  unknownBasis: {
    'zh-CN': '「{param}」只能是 "uv"（访客）或 "buyers"（全部买家），收到“{value}”',
    'en-US': '{param} must be "uv" (visitors) or "buyers" (all buyers), got “{value}”',
  },
  resultOverflow: {
    'zh-CN': '结果超出 Excel 可表示的数值范围',
    'en-US': 'the result is outside the range of numbers Excel can hold',
  },
  tooFewValues: {
    'zh-CN': '「{param}」中至少需要 2 个数值（现有 {count} 个），空白单元格不计',
    'en-US': '{param} needs at least 2 numbers (it has {count}); blank cells do not count',
  },
  badCellNumber: {
    'zh-CN': '「{param}」第 {row} 行第 {col} 列应为数字（收到“{value}”）',
    'en-US': '{param}, row {row} column {col}: must be a number (got “{value}”)',
  },
  badCellNegative: {
    'zh-CN': '「{param}」第 {row} 行第 {col} 列为负数 {value}',
    'en-US': '{param}, row {row} column {col}: negative value {value}',
  },
  badDealCell: {
    'zh-CN': '「{param}」第 {row} 行第 {col} 列的“{value}”不是 是/否（也可用 Yes/No、TRUE/FALSE、1/0）',
    'en-US': '{param}, row {row} column {col}: “{value}” is not 是/否 (Yes/No, TRUE/FALSE or 1/0 also work)',
  },
  noDealCells: {
    'zh-CN': '「{param}」中没有符合条件的非空单元格',
    'en-US': '{param} has no non-blank cell that meets the criteria',
  },
  criteriaPairs: {
    'zh-CN': '条件应成对给出：条件区域, 条件（现有 {count} 个参数）',
    'en-US': 'criteria come in pairs: criteria_range, criteria (got {count} arguments)',
  },
  shapeMismatch: {
    'zh-CN': '第 {index} 个条件区域的大小（{rows}×{cols}）与成交区域（{dealRows}×{dealCols}）不一致',
    'en-US': 'criteria range {index} is {rows}×{cols}, but the deal range is {dealRows}×{dealCols}; they must match',
  },
  criterionNotSingle: {
    'zh-CN': '第 {index} 个条件应为单个值（如 "微信" 或 ">=10"），不能是区域',
    'en-US': 'criteria {index} must be a single value (such as "WeChat" or ">=10"), not a range',
  },
  emptyRange: {
    'zh-CN': '「{param}」是空区域',
    'en-US': '{param} is an empty range',
  },
  unexpected: {
    'zh-CN': '计算出错：{detail}',
    'en-US': 'calculation failed: {detail}',
  },
} satisfies TextTable;
