/**
 * Validation messages (entry form, sheet check, CLI). `{col}` is the column header in the message's own language;
 * `{other}` a second column's header; other placeholders are values. Every code in validation/types.ts has a text.
 */
import type { TextTable } from './index';

export const validation = {
  // Field-level errors
  required: { 'zh-CN': '「{col}」必填', 'en-US': '{col} is required' },
  futureDate: { 'zh-CN': '「{col}」不能晚于今天（{today}）', 'en-US': '{col} cannot be after today ({today})' },
  invalidDate: {
    'zh-CN': '「{col}」不是可识别的日期，请按 2026-11-24 的格式填写',
    'en-US': '{col} is not a recognisable date; use the form 2026-11-24',
  },
  impossibleDate: {
    'zh-CN': '「{col}」日期不存在（例如 2 月 30 日）',
    'en-US': '{col} is not a real calendar date (e.g. 30 February)',
  },
  notNumber: { 'zh-CN': '「{col}」应填写数字', 'en-US': '{col} must be a number' },
  negative: { 'zh-CN': '「{col}」不能为负数', 'en-US': '{col} cannot be negative' },
  notWholeNumber: { 'zh-CN': '「{col}」应为整数', 'en-US': '{col} must be a whole number' },
  tooLarge: { 'zh-CN': '「{col}」超过 10 亿，请检查是否填错', 'en-US': '{col} is over 1,000,000,000; check for a typo' },
  tooManyDecimals: { 'zh-CN': '「{col}」最多保留两位小数', 'en-US': '{col} allows at most 2 decimal places' },
  notInList: {
    'zh-CN': '「{col}」的值“{value}”不在列表中，请从下拉列表中选择',
    'en-US': '{col}: “{value}” is not in the list; choose a value from the dropdown',
  },
  controlChar: {
    'zh-CN': '「{col}」含有不可见的控制字符（如换行、制表符），请删除',
    'en-US': '{col} contains invisible control characters (such as line breaks or tabs); remove them',
  },
  tooLong: {
    'zh-CN': '「{col}」最多 {max} 个字符（现有 {length} 个）',
    'en-US': '{col} allows at most {max} characters (it has {length})',
  },
  notText: { 'zh-CN': '「{col}」应填写文字', 'en-US': '{col} must be text' },
  cellError: {
    'zh-CN': '「{col}」是错误值 {value}，请填写实际内容',
    'en-US': '{col} holds the error value {value}; enter a real value',
  },

  // Cross-field errors (DESIGN.md rules)
  dealNeedsQuantity: { 'zh-CN': '「{col}」成交时必须大于 0', 'en-US': '{col} must be greater than 0 when Deal is Yes' },
  dealNeedsAmount: { 'zh-CN': '「{col}」成交时必须大于 0', 'en-US': '{col} must be greater than 0 when Deal is Yes' },
  dealNeedsType: { 'zh-CN': '「{col}」必填：成交时请选择交易类型', 'en-US': '{col} is required when Deal is Yes' },
  dealForbidsReason: {
    'zh-CN': '「{col}」应留空：已成交的询盘没有未成交原因',
    'en-US': '{col} must be empty when Deal is Yes',
  },
  noDealNeedsReason: { 'zh-CN': '「{col}」必填：未成交时请选择原因', 'en-US': '{col} is required when Deal is No' },
  noDealNeedsFollowUp: { 'zh-CN': '「{col}」必填：未成交时请填写跟进情况', 'en-US': '{col} is required when Deal is No' },
  noDealForbidsAmount: { 'zh-CN': '「{col}」未成交时应为空或 0', 'en-US': '{col} must be empty or 0 when Deal is No' },
  noDealForbidsType: { 'zh-CN': '「{col}」未成交时应留空', 'en-US': '{col} must be empty when Deal is No' },
  pendingNeedsNextDate: {
    'zh-CN': '「{col}」必填：跟进情况为“待跟进”时请填写下次跟进日期',
    'en-US': '{col} is required when Follow-up is “To follow up”',
  },
  nextBeforeDate: { 'zh-CN': '「{col}」不能早于「{other}」', 'en-US': '{col} cannot be before {other}' },

  // Warnings
  productNotInList: {
    'zh-CN': '「{col}」“{value}”不在商品列表中（可以保存；如是新商品，请加到字典里）',
    'en-US': '{col} “{value}” is not in the product list (it can be saved; add it to the dictionary if it is new)',
  },
  agentNotInList: {
    'zh-CN': '「{col}」“{value}”不在客服列表中（可以保存；如是新客服，请加到字典里）',
    'en-US': '{col} “{value}” is not in the agent list (it can be saved; add it to the dictionary if it is new)',
  },
  possibleDuplicate: {
    'zh-CN': '可能重复：该「{col}」在 {date} 已有商品“{product}”的记录',
    'en-US': 'Possible duplicate: this {col} already has an entry for “{product}” on {date}',
  },
  amountOutlier: {
    'zh-CN': '「{col}」远高于该商品的常见范围：单价 {unitPrice}，通常不超过 {limit}，请确认',
    'en-US': '{col} is far above this product’s usual range: unit price {unitPrice}, usually at most {limit}; please check',
  },
  personalData: {
    'zh-CN': '「{col}」似乎含有个人信息（手机号、电话、身份证号、邮箱或详细地址），建议删除或打码',
    'en-US': '{col} seems to contain personal data (mobile or phone number, ID-card number, email or street address); remove or mask it',
  },
} satisfies TextTable;

export type ValidationTextKey = keyof typeof validation;
