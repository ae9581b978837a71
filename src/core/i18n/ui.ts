/**
 * Every string the task pane shows (shell, Home, Entry, Check, Reports, Settings, demo).
 * Column headers and list labels come from schema.ts; validation messages from the validation table.
 */
import type { TextTable } from './index';

export const ui = {
  appTitle: { 'zh-CN': '店铺统计', 'en-US': 'Shop Stats' },
  loading: { 'zh-CN': '加载中…', 'en-US': 'Loading…' },
  navLabel: { 'zh-CN': '视图', 'en-US': 'Views' },
  navHome: { 'zh-CN': '首页', 'en-US': 'Home' },
  navEntry: { 'zh-CN': '录入', 'en-US': 'Entry' },
  navFollowUps: { 'zh-CN': '待跟进', 'en-US': 'Follow-ups' },
  navCheck: { 'zh-CN': '检查', 'en-US': 'Check' },
  navReports: { 'zh-CN': '报表', 'en-US': 'Reports' },
  navSettings: { 'zh-CN': '设置', 'en-US': 'Settings' },
  navImport: { 'zh-CN': '平台数据', 'en-US': 'Platform' },
  viewLoadFailed: { 'zh-CN': '此视图加载失败，请重新打开任务窗格。', 'en-US': 'This view failed to load. Please reopen the task pane.' },

  // Outside Office
  outsideTitle: { 'zh-CN': '请在 Excel 中打开', 'en-US': 'Open this add-in in Excel' },
  outsideBody: {
    'zh-CN': '店铺统计是 Excel 加载项：请在 Excel（桌面版或网页版）中通过“加载项”打开它。',
    'en-US': 'Shop Stats is an Excel add-in: open it from Add-ins in Excel (desktop or on the web).',
  },
  outsideDemoLink: { 'zh-CN': '不用 Excel 试一试（演示模式）', 'en-US': 'Try it without Excel (demo mode)' },

  // Home
  homeHeading: { 'zh-CN': '工作簿状态', 'en-US': 'Workbook status' },
  homeTemplatePresent: { 'zh-CN': '已有询盘统计模板（版本 {version}）', 'en-US': 'Inquiry log template present (version {version})' },
  homeTemplateOld: {
    'zh-CN': '模板版本 {version} 较旧（当前为 {current}）：点击“检查并修复模板”即可就地升级，所有数据保留',
    'en-US': 'Template version {version} is older than {current}: “Check and repair template” upgrades it in place, keeping all data',
  },
  homeTemplateMissing: { 'zh-CN': '此工作簿还没有询盘统计模板', 'en-US': 'This workbook has no inquiry log template yet' },
  homeRows: { 'zh-CN': '记录行数：{rows}', 'en-US': 'Rows logged: {rows}' },
  homePivotYes: { 'zh-CN': '支持数据透视表', 'en-US': 'PivotTables supported' },
  homePivotNo: { 'zh-CN': '不支持数据透视表（报表将使用公式）', 'en-US': 'No PivotTable support (reports use formulas)' },
  homeHostDemo: { 'zh-CN': '演示模式：数据只保存在此页面中', 'en-US': 'Demo mode: data lives only in this page' },
  insertTemplate: { 'zh-CN': '插入模板', 'en-US': 'Insert template' },
  repairTemplate: { 'zh-CN': '检查并修复模板', 'en-US': 'Check and repair template' },
  templateWorking: { 'zh-CN': '正在处理模板…', 'en-US': 'Working on the template…' },
  templateInserted: { 'zh-CN': '已插入模板。', 'en-US': 'Template inserted.' },
  templateRepaired: { 'zh-CN': '已修复模板：', 'en-US': 'Template repaired:' },
  templateUnchanged: { 'zh-CN': '模板完整，无需修改。', 'en-US': 'The template is complete; nothing to change.' },
  templateKept: { 'zh-CN': '保留的自定义列：{columns}', 'en-US': 'Your own columns kept: {columns}' },
  ambiguousTitle: { 'zh-CN': '选择询盘统计表', 'en-US': 'Choose the inquiry log table' },
  ambiguousBody: {
    'zh-CN': '找到多个可能是询盘统计的表格。请选择要使用的表格：',
    'en-US': 'Several tables look like the inquiry log. Choose the one to use:',
  },
  useThisTable: { 'zh-CN': '使用此表', 'en-US': 'Use this table' },
  cancel: { 'zh-CN': '取消', 'en-US': 'Cancel' },
  goEntry: { 'zh-CN': '录入询盘', 'en-US': 'Log an inquiry' },
  goCheck: { 'zh-CN': '检查表格', 'en-US': 'Check the sheet' },
  goReports: { 'zh-CN': '生成报表', 'en-US': 'Build reports' },
  summaryHeading: { 'zh-CN': '概览', 'en-US': 'Summary' },
  summaryPeriod: { 'zh-CN': '期间', 'en-US': 'Period' },
  summaryToday: { 'zh-CN': '今天', 'en-US': 'Today' },
  summary7: { 'zh-CN': '近 7 天', 'en-US': 'Last 7 days' },
  summary30: { 'zh-CN': '近 30 天', 'en-US': 'Last 30 days' },
  summaryInquiries: { 'zh-CN': '询盘数', 'en-US': 'Inquiries' },
  summaryDeals: { 'zh-CN': '成交数', 'en-US': 'Deals' },
  summaryConversion: { 'zh-CN': '转化率', 'en-US': 'Conversion' },
  summaryAmount: { 'zh-CN': '成交额', 'en-US': 'Amount' },
  summaryTopReasons: { 'zh-CN': '主要未成交原因', 'en-US': 'Top no-deal reasons' },
  summaryNone: { 'zh-CN': '暂无数据', 'en-US': 'No data yet' },
  refresh: { 'zh-CN': '刷新', 'en-US': 'Refresh' },
  errorPrefix: { 'zh-CN': '出错了：', 'en-US': 'Something went wrong: ' },
  unexpectedError: { 'zh-CN': '意外错误，请重试；如仍出错，请把以下信息告诉技术支持：{detail}', 'en-US': 'Unexpected error; try again, and if it persists tell support: {detail}' },

  // Entry
  entryHeading: { 'zh-CN': '录入询盘', 'en-US': 'Log an inquiry' },
  entryNeedTemplate: { 'zh-CN': '请先在首页插入模板。', 'en-US': 'Insert the template on Home first.' },
  submit: { 'zh-CN': '提交', 'en-US': 'Submit' },
  confirmDuplicate: { 'zh-CN': '确认提交（可能重复）', 'en-US': 'Submit anyway (possible duplicate)' },
  duplicateAsk: {
    'zh-CN': '这条记录可能重复。再次提交或点击“确认提交”以保留。',
    'en-US': 'This entry may be a duplicate. Submit again or press “Submit anyway” to keep it.',
  },
  clearForm: { 'zh-CN': '清空', 'en-US': 'Clear' },
  submitting: { 'zh-CN': '正在写入…', 'en-US': 'Writing…' },
  savedRow: { 'zh-CN': '已写入第 {row} 行', 'en-US': 'Saved to row {row}' },
  fixErrors: { 'zh-CN': '请先修正 {count} 处错误。', 'en-US': 'Please fix {count} error(s) first.' },
  undoLast: { 'zh-CN': '撤销上一条', 'en-US': 'Undo last entry' },
  undoDone: { 'zh-CN': '已撤销第 {row} 行', 'en-US': 'Row {row} removed' },
  undoChanged: {
    'zh-CN': '第 {row} 行已被修改或移动，未删除。',
    'en-US': 'Row {row} was changed or moved meanwhile, so it was not removed.',
  },
  productFree: { 'zh-CN': '可直接输入列表外的商品', 'en-US': 'You may type a product not in the list' },
  selectPlaceholder: { 'zh-CN': '请选择', 'en-US': 'Choose' },
  draftRestored: { 'zh-CN': '已恢复未提交的草稿。', 'en-US': 'Unsent draft restored.' },
  outboxHeading: { 'zh-CN': '待发送（{count}）', 'en-US': 'Outbox ({count})' },
  outboxExplain: {
    'zh-CN': '这些记录未能写入工作簿，已保存在本机，会自动重试。',
    'en-US': 'These entries could not be written to the workbook; they are kept on this computer and retried automatically.',
  },
  outboxItem: { 'zh-CN': '{date} · {customer} · {product}', 'en-US': '{date} · {customer} · {product}' },
  outboxAttempts: { 'zh-CN': '已尝试 {n} 次：{reason}', 'en-US': '{n} attempt(s): {reason}' },
  retryNow: { 'zh-CN': '立即重试', 'en-US': 'Retry now' },
  discard: { 'zh-CN': '丢弃', 'en-US': 'Discard' },
  writeFailedQueued: {
    'zh-CN': '写入失败，记录已放入待发送队列：{reason}',
    'en-US': 'The write failed; the entry is in the outbox: {reason}',
  },
  outboxSent: { 'zh-CN': '待发送记录已写入第 {row} 行', 'en-US': 'Outbox entry saved to row {row}' },

  // Check
  checkHeading: { 'zh-CN': '检查表格', 'en-US': 'Check the sheet' },
  checkExplain: {
    'zh-CN': '用与录入相同的规则检查询盘统计的每一行（包括粘贴和直接输入的数据）。',
    'en-US': 'Checks every row of the inquiry log with the same rules as the form (pasted and typed data included).',
  },
  runCheck: { 'zh-CN': '开始检查', 'en-US': 'Run check' },
  cancelCheck: { 'zh-CN': '取消检查', 'en-US': 'Cancel check' },
  checkProgress: { 'zh-CN': '已读取 {done} / {total} 行', 'en-US': 'Read {done} of {total} rows' },
  checkValidating: { 'zh-CN': '已检查 {done} / {total} 行', 'en-US': 'Checked {done} of {total} rows' },
  checkCancelled: { 'zh-CN': '检查已取消。', 'en-US': 'Check cancelled.' },
  checkSummary: {
    'zh-CN': '已检查 {rows} 行：{errors} 个错误，{warnings} 个警告',
    'en-US': 'Checked {rows} rows: {errors} errors, {warnings} warnings',
  },
  checkClean: { 'zh-CN': '没有发现问题。', 'en-US': 'No problems found.' },
  checkShowingFirst: { 'zh-CN': '显示前 {shown} 个问题（共 {total} 个）', 'en-US': 'Showing the first {shown} of {total} problems' },
  checkShowMore: { 'zh-CN': '再显示 {n} 个', 'en-US': 'Show {n} more' },
  colRow: { 'zh-CN': '行', 'en-US': 'Row' },
  colColumn: { 'zh-CN': '列', 'en-US': 'Column' },
  colMessage: { 'zh-CN': '问题', 'en-US': 'Problem' },
  colLevel: { 'zh-CN': '级别', 'en-US': 'Level' },
  levelError: { 'zh-CN': '错误', 'en-US': 'Error' },
  levelWarning: { 'zh-CN': '警告', 'en-US': 'Warning' },
  highlight: { 'zh-CN': '标出无效单元格', 'en-US': 'Highlight invalid cells' },
  clearHighlight: { 'zh-CN': '清除标记', 'en-US': 'Clear highlights' },
  highlighted: { 'zh-CN': '已标出 {n} 个单元格', 'en-US': '{n} cells highlighted' },
  highlightCleared: { 'zh-CN': '已清除标记', 'en-US': 'Highlights cleared' },
  missingColumns: { 'zh-CN': '缺少列：{columns}', 'en-US': 'Missing columns: {columns}' },

  // Reports
  reportsHeading: { 'zh-CN': '报表', 'en-US': 'Reports' },
  buildAll: { 'zh-CN': '生成全部报表', 'en-US': 'Build all reports' },
  buildOne: { 'zh-CN': '生成', 'en-US': 'Build' },
  refreshReports: { 'zh-CN': '刷新报表', 'en-US': 'Refresh reports' },
  modeLabel: { 'zh-CN': '报表类型', 'en-US': 'Report type' },
  modePivot: { 'zh-CN': '数据透视表', 'en-US': 'PivotTables' },
  modeFormula: { 'zh-CN': '公式表（可分享，WPS 可用）', 'en-US': 'Formula tables (shareable, work in WPS)' },
  pivotUnavailable: {
    'zh-CN': '此版本的 Excel 不支持数据透视表 API，将使用公式表。',
    'en-US': 'This Excel version has no PivotTable API; formula tables are used instead.',
  },
  building: { 'zh-CN': '正在生成…', 'en-US': 'Building…' },
  builtReports: { 'zh-CN': '已在“报表”工作表生成 {n} 个报表', 'en-US': '{n} report(s) built on sheet 报表' },
  reportsRefreshed: { 'zh-CN': '报表已刷新', 'en-US': 'Reports refreshed' },
  previewHeading: { 'zh-CN': '预览（按当前数据计算）', 'en-US': 'Preview (computed from the current data)' },
  previewKey: { 'zh-CN': '项目', 'en-US': 'Item' },
  previewLoad: { 'zh-CN': '计算预览', 'en-US': 'Compute preview' },
  previewMoreRows: { 'zh-CN': '……另有 {n} 行', 'en-US': '… {n} more rows' },

  // Settings
  settingsHeading: { 'zh-CN': '设置', 'en-US': 'Settings' },
  languageLabel: { 'zh-CN': '界面语言', 'en-US': 'Pane language' },
  languageAuto: { 'zh-CN': '跟随 Office', 'en-US': 'Follow Office' },
  languageZh: { 'zh-CN': '中文', 'en-US': '中文 (Chinese)' },
  languageEn: { 'zh-CN': 'English（英文）', 'en-US': 'English' },
  settingsStorageNote: {
    'zh-CN': '设置和草稿仅保存在这台电脑上，不写入工作簿。',
    'en-US': 'Settings and drafts stay on this computer; they are not written to the workbook.',
  },

  // Demo
  demoBanner: { 'zh-CN': '演示模式（内存中的工作簿）', 'en-US': 'Demo mode (in-memory workbook)' },
  demoLogHeading: { 'zh-CN': '询盘统计（演示数据）', 'en-US': 'Inquiry log (demo data)' },
  demoLogEmpty: { 'zh-CN': '还没有模板。请在首页点击“插入模板”。', 'en-US': 'No template yet. Press “Insert template” on Home.' },
  demoRowsShown: { 'zh-CN': '显示最后 {shown} 行，共 {total} 行', 'en-US': 'Showing the last {shown} of {total} rows' },
  demoSeed: { 'zh-CN': '加入 {n} 行示例数据', 'en-US': 'Add {n} sample rows' },
  demoFailNext: { 'zh-CN': '让下一次写入失败', 'en-US': 'Make the next write fail' },
} satisfies TextTable;

export type UiKey = keyof typeof ui;
