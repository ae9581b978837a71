/** Strings of platform imports, the 漏斗 funnel and the 计划 plan sheet (pane, CLI and sheets). */
import type { TextTable } from './index';

export const platform = {
  // import problems (one line each; {file} is filled by the caller)
  unreadable: { 'zh-CN': '{file}：无法读取（应为 .xls、.xlsx 或 .csv 导出文件）', 'en-US': '{file}: cannot be read (expected an .xls, .xlsx or .csv export)' },
  empty: { 'zh-CN': '{file}：文件中没有数据', 'en-US': '{file}: the file holds no data' },
  unknownKind: {
    'zh-CN': '{file}：无法识别的导出文件。应为生意参谋流量/商品导出（含“访客数”和“支付买家数”列）或千牛/赤兔客服绩效导出（含“客服”和“询单人数”列）',
    'en-US': '{file}: not a known export. Expected a 生意参谋 traffic/product export (columns 访客数 and 支付买家数) or a 千牛/赤兔 agent performance export (columns 客服 and 询单人数)',
  },
  ambiguousKind: {
    'zh-CN': '{file}：表头同时像流量导出和客服绩效导出，无法判断；请分别导出',
    'en-US': '{file}: the headers match both a traffic and an agent export; export them separately',
  },
  noDate: {
    'zh-CN': '{file}：没有“日期/统计日期”列，标题中也没有单一日期；请按天导出或用 --date 指定日期',
    'en-US': '{file}: no 日期/统计日期 column and no single day in its title; export one day at a time or pass --date',
  },
  badValue: {
    'zh-CN': '{file}：第 {row} 行“{header}”的值“{value}”无法识别',
    'en-US': '{file}: row {row}, “{header}”: cannot read “{value}”',
  },
  noRows: { 'zh-CN': '{file}：表头下没有数据行', 'en-US': '{file}: no data rows under the header' },
  // CLI
  importDescription: {
    'zh-CN': '导入平台导出文件（生意参谋流量/商品、千牛/赤兔客服绩效；.xls/.xlsx/.csv）到工作簿的“平台数据”表并更新“漏斗”（--into），或存入代运营数据库中某个客户的平台流量/客服绩效（--store）；退出码 0 = 成功，2 = 文件无法识别或读取',
    'en-US': 'import platform exports (生意参谋 traffic/product, 千牛/赤兔 agent performance; .xls/.xlsx/.csv) into the workbook\'s 平台数据 tables and rebuild 漏斗 (--into), or into a client\'s 平台流量/客服绩效 in the agency store (--store); exit 0 done, 2 unrecognised or unreadable',
  },
  importInto: { 'zh-CN': '要写入的工作簿（.xlsx，由 template 生成）', 'en-US': 'workbook to import into (.xlsx, made by template)' },
  importFiles: { 'zh-CN': '一个或多个平台导出文件（.xls、.xlsx 或 .csv）', 'en-US': 'one or more platform exports (.xls, .xlsx or .csv)' },
  importStore: {
    'zh-CN': '要写入的代运营数据库（由 collect 生成；与 --into 二选一）',
    'en-US': 'agency store to import into (made by collect; instead of --into)',
  },
  importClient: {
    'zh-CN': '数据归属的客户（使用 --store 时；数据库只有一个客户时可省略）',
    'en-US': 'client the data belongs to (with --store; may be left out when the store holds one client)',
  },
  importTarget: {
    'zh-CN': '请只给出 --into 工作簿 或 --store 数据库 中的一个',
    'en-US': 'give exactly one of --into WORKBOOK or --store FILE',
  },
  importClientWithoutStore: { 'zh-CN': '--client 只能与 --store 一起使用', 'en-US': '--client is used only with --store' },
  importClientRequired: {
    'zh-CN': '数据库 {store} 中有 {count} 个客户（{clients}），请用 --client 指定导入到哪个客户',
    'en-US': 'The store {store} holds {count} clients ({clients}); name the one to import into with --client',
  },
  importedStore: { 'zh-CN': '已存入数据库 {store}，客户“{client}”', 'en-US': 'Stored in {store} for client "{client}"' },
  importDate: { 'zh-CN': '没有日期列的导出文件所属的日期（YYYY-MM-DD）', 'en-US': 'the day of an export that has no date column (YYYY-MM-DD)' },
  exportsWord: { 'zh-CN': '导出文件', 'en-US': 'exports' },
  // import results
  kindTraffic: { 'zh-CN': '流量/商品导出', 'en-US': 'traffic/product export' },
  kindAgents: { 'zh-CN': '客服绩效导出', 'en-US': 'agent performance export' },
  parsed: {
    'zh-CN': '{file}：{kind}，{rows} 行，{from} 至 {to}（已去掉汇总行 {summary} 行）',
    'en-US': '{file}: {kind}, {rows} rows, {from} to {to} ({summary} summary rows dropped)',
  },
  imported: {
    'zh-CN': '{table}：新增 {added} 行，更新 {updated} 行，未变 {unchanged} 行，移除 {removed} 行',
    'en-US': '{table}: {added} added, {updated} updated, {unchanged} unchanged, {removed} removed',
  },
  // pane
  importHeading: { 'zh-CN': '导入平台数据', 'en-US': 'Import platform data' },
  importIntro: {
    'zh-CN': '选择生意参谋（流量、商品）或千牛/赤兔（客服绩效）的导出文件：.xls、.xlsx 或 .csv。按表头识别，重复导入不会产生重复行；同一天的新导出会替换旧数据。',
    'en-US': 'Pick 生意参谋 (traffic, product) or 千牛/赤兔 (agent performance) exports: .xls, .xlsx or .csv. Files are recognised by their headers; importing again never duplicates rows, and a newer export for the same days replaces them.',
  },
  chooseFiles: { 'zh-CN': '选择导出文件', 'en-US': 'Choose export files' },
  exportDate: { 'zh-CN': '导出日期（仅用于没有日期列的文件）', 'en-US': 'Export date (only for files without a date column)' },
  previewHeading: { 'zh-CN': '预览', 'en-US': 'Preview' },
  importButton: { 'zh-CN': '导入', 'en-US': 'Import' },
  importing: { 'zh-CN': '正在导入…', 'en-US': 'Importing…' },
  reading: { 'zh-CN': '正在读取…', 'en-US': 'Reading…' },
  fixFirst: { 'zh-CN': '有文件无法导入，请先移除或更换。', 'en-US': 'Some files cannot be imported: remove or replace them first.' },
  importedHeading: { 'zh-CN': '已导入，“漏斗”工作表已更新', 'en-US': 'Imported; the 漏斗 sheet is up to date' },
  noDailyFunnel: { 'zh-CN': '还没有店铺整体（按日）的数据：请导入生意参谋店铺/整体导出。', 'en-US': 'No whole-shop daily data yet: import a 生意参谋 shop export.' },
  planHeading: { 'zh-CN': '库存与推广计划', 'en-US': 'Stock & promotion plan' },
  planIntro: {
    'zh-CN': '插入“计划”工作表：每个主推商品一行，用 SHOP 函数计算预计单量、安全天数、再订货点和建议安全库存；安全天数少于补货周期时标红。',
    'en-US': 'Insert the 计划 sheet: one row per main product; SHOP functions compute daily orders, days of cover, reorder point and suggested safety stock; rows turn red when the buffer covers fewer days than the replenishment cycle.',
  },
  insertPlan: { 'zh-CN': '插入计划表', 'en-US': 'Insert plan sheet' },
  planInserted: { 'zh-CN': '已插入“计划”工作表（含示例）', 'en-US': 'Inserted the 计划 sheet (with the example)' },
  planUnchanged: { 'zh-CN': '“计划”工作表已存在，未改动', 'en-US': 'The 计划 sheet is already there; nothing changed' },
  // funnel sheet
  funnelSheet: { 'zh-CN': '漏斗', 'en-US': '漏斗' },
  funnelDaily: { 'zh-CN': '漏斗（按日，店铺整体）', 'en-US': 'Funnel by day (whole shop)' },
  funnelWeekly: { 'zh-CN': '漏斗（按周，周一开始）', 'en-US': 'Funnel by week (Monday first)' },
  funnelProduct: { 'zh-CN': '漏斗（按商品，询盘数来自询盘统计）', 'en-US': 'Funnel by product (inquiries from the log)' },
  reconcileDaily: { 'zh-CN': '询盘核对（按日）：询盘统计 vs 平台询单人数（仅旺旺）', 'en-US': 'Inquiry reconciliation by day: our log vs the platform (旺旺 only)' },
  reconcileAgent: { 'zh-CN': '询盘核对（按客服）', 'en-US': 'Inquiry reconciliation by agent' },
  colDate: { 'zh-CN': '日期', 'en-US': 'Date' },
  colWeek: { 'zh-CN': '周（周一）', 'en-US': 'Week (Monday)' },
  colProductId: { 'zh-CN': '商品ID', 'en-US': 'Product ID' },
  colProduct: { 'zh-CN': '商品', 'en-US': 'Product' },
  colAgent: { 'zh-CN': '客服', 'en-US': 'Agent' },
  colVisitors: { 'zh-CN': '访客数', 'en-US': 'Visitors' },
  colInquirers: { 'zh-CN': '询单人数', 'en-US': 'Inquirers' },
  colLogInquiries: { 'zh-CN': '询盘数（日志）', 'en-US': 'Inquiries (log)' },
  colInquiryBuyers: { 'zh-CN': '询单付款人数', 'en-US': 'Inquirers who paid' },
  colLogDeals: { 'zh-CN': '成交数（日志）', 'en-US': 'Deals (log)' },
  colPayingBuyers: { 'zh-CN': '支付买家数', 'en-US': 'Paying buyers' },
  colAmountPaid: { 'zh-CN': '支付金额', 'en-US': 'Amount paid' },
  colInquiryRate: { 'zh-CN': '询单率', 'en-US': 'Inquiry rate' },
  colInquiryCvr: { 'zh-CN': '询单转化率', 'en-US': 'Inquiry conversion' },
  colSilentCvr: { 'zh-CN': '静默转化率', 'en-US': 'Silent conversion' },
  colPaidCvr: { 'zh-CN': '支付转化率', 'en-US': 'Paid conversion' },
  colAov: { 'zh-CN': '客单价', 'en-US': 'AOV' },
  colUvValue: { 'zh-CN': 'UV价值', 'en-US': 'UV value' },
  colLogAll: { 'zh-CN': '日志询盘（全部渠道）', 'en-US': 'Log inquiries (all channels)' },
  colLogWangwang: { 'zh-CN': '日志询盘（旺旺/千牛）', 'en-US': 'Log inquiries (旺旺/千牛)' },
  colPlatformInquirers: { 'zh-CN': '平台询单人数（旺旺）', 'en-US': 'Platform inquirers (旺旺)' },
  colGap: { 'zh-CN': '差异（日志旺旺 − 平台）', 'en-US': 'Gap (log 旺旺 − platform)' },
  // plan sheet
  planSheet: { 'zh-CN': '计划', 'en-US': '计划' },
  planTitle: { 'zh-CN': '库存与推广计划', 'en-US': 'Stock & promotion plan' },
  statusRaise: { 'zh-CN': '提高安全库存', 'en-US': 'Raise safety stock' },
  statusOk: { 'zh-CN': '正常', 'en-US': 'OK' },
  seedThisWeek: { 'zh-CN': '示例商品（本周）', 'en-US': 'Sample product (this week)' },
  seedNextWeek: { 'zh-CN': '示例商品（下周）', 'en-US': 'Sample product (next week)' },
} satisfies TextTable;
