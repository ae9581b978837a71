/** Strings of the agency-kit commands that work on whole client workbooks: share (and its reasons). */
import type { TextTable } from './index';

export const agency = {
  shareDescription: {
    'zh-CN': '把工作簿中的 SHOP.* 公式改写成原生 Excel 公式，发给没有安装加载项的人（Excel、WPS、LibreOffice 均可计算）',
    'en-US': 'rewrite every SHOP.* formula as native Excel formulas, for people without the add-in (Excel, WPS, LibreOffice)',
  },
  shareInput: { 'zh-CN': '要分享的 .xlsx 工作簿', 'en-US': 'the .xlsx workbook to share' },
  shareOut: { 'zh-CN': '输出文件路径（.xlsx）', 'en-US': 'output file (.xlsx)' },
  shareValues: {
    'zh-CN': '把 SHOP.* 公式冻结为保存时的计算结果，而不是改写成公式',
    'en-US': 'freeze SHOP.* formulas to their saved results instead of rewriting them',
  },
  shareSummary: {
    'zh-CN': '已改写 {formulas} 个公式（{calls}），写入 {file}',
    'en-US': 'Rewrote {formulas} formulas ({calls}) into {file}',
  },
  shareFrozen: { 'zh-CN': '其中 {n} 个冻结为数值', 'en-US': '{n} of them frozen to values' },
  shareNothing: { 'zh-CN': '没有找到 SHOP.* 公式，已原样写入 {file}', 'en-US': 'No SHOP.* formula found; {file} written unchanged' },
  shareUnconverted: {
    'zh-CN': '未能改写 {part} {where}：{reason}（保留原公式）{formula}',
    'en-US': 'Not converted {part} {where}: {reason} (formula kept) {formula}',
  },
  shareUnconvertedCount: {
    'zh-CN': '{n} 个公式未能改写，没有加载项的人会看到 #NAME?',
    'en-US': '{n} formulas could not be converted; people without the add-in will see #NAME?',
  },
  reasonArity: { 'zh-CN': '{name} 的参数个数不对', 'en-US': 'wrong number of arguments for {name}' },
  reasonCriteriaPairs: { 'zh-CN': '{name} 的条件区域和条件须成对出现', 'en-US': '{name} needs criteria ranges and criteria in pairs' },
  reasonRangeMissing: { 'zh-CN': '{name} 缺少区域参数', 'en-US': '{name} is missing its range argument' },
  reasonUnknownFunction: { 'zh-CN': '没有名为 SHOP.{name} 的函数', 'en-US': 'there is no function SHOP.{name}' },
  reasonSyntax: { 'zh-CN': '公式无法解析（引号或括号不配对）', 'en-US': 'the formula cannot be parsed (unbalanced quotes or brackets)' },
  reasonTooLong: {
    'zh-CN': '改写后超过 Excel 公式长度上限 8192 个字符（请把嵌套的 SHOP 函数拆到辅助单元格）',
    'en-US': 'the native formula would exceed Excel\'s 8,192-character limit (move nested SHOP calls to helper cells)',
  },
  reasonNoCachedValue: {
    'zh-CN': '没有保存的计算结果可冻结，已改写为原生公式',
    'en-US': 'no saved result to freeze; rewritten as a native formula instead',
  },
  definedName: { 'zh-CN': '名称', 'en-US': 'name' },
  errorNotXlsx: { 'zh-CN': '{file} 不是 .xlsx 工作簿，无法处理', 'en-US': '{file} is not an .xlsx workbook' },
  maskDescription: {
    'zh-CN': '遮盖询盘统计表自由文本列中的个人信息（手机号、身份证号、邮箱、街道地址），写入新文件',
    'en-US': 'mask personal data (phone and ID numbers, e-mail and street addresses) in the log\'s free-text columns into a new file',
  },
  maskInput: { 'zh-CN': '要遮盖的 .xlsx 工作簿', 'en-US': 'the .xlsx workbook to mask' },
  maskSummary: { 'zh-CN': '已遮盖 {cells} 个单元格，写入 {file}', 'en-US': 'Masked {cells} cells into {file}' },
  maskNothing: { 'zh-CN': '没有发现个人信息，已原样写入 {file}', 'en-US': 'No personal data found; {file} written unchanged' },
  maskColumnLine: { 'zh-CN': '  {column}：{kinds}', 'en-US': '  {column}: {kinds}' },
  kindMobile: { 'zh-CN': '手机号', 'en-US': 'mobile numbers' },
  kindLandline: { 'zh-CN': '固定电话', 'en-US': 'landline numbers' },
  kindIdCard: { 'zh-CN': '身份证号', 'en-US': 'ID-card numbers' },
  kindEmail: { 'zh-CN': '邮箱', 'en-US': 'e-mail addresses' },
  kindAddress: { 'zh-CN': '街道地址', 'en-US': 'street addresses' },
} satisfies TextTable;
