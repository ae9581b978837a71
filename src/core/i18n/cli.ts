/**
 * Strings of the agency-kit CLI (shop-stats): help, progress, messages, and the prompts the .xlsx template shows
 * on data validation. Column headers, list labels and report titles come from schema.ts and the report definitions.
 */
import type { TextTable } from './index';

export const cli = {
  // help
  programDescription: {
    'zh-CN': '店铺统计 代运营工具包：生成询盘统计模板，批量检查、汇总和合并客户的 .xlsx 工作簿。',
    'en-US': 'Shop Stats agency kit: write the inquiry-log template; check, report on and merge client .xlsx workbooks.',
  },
  langOption: { 'zh-CN': '界面与表头语言：zh-CN（默认）或 en-US', 'en-US': 'language of messages and headers: zh-CN (default) or en-US' },
  helpOption: { 'zh-CN': '显示帮助', 'en-US': 'show help' },
  versionOption: { 'zh-CN': '显示版本号', 'en-US': 'show the version' },
  helpCommand: { 'zh-CN': '显示某个命令的帮助', 'en-US': 'show help for a command' },
  usageLabel: { 'zh-CN': '用法：', 'en-US': 'Usage:' },
  optionsLabel: { 'zh-CN': '选项：', 'en-US': 'Options:' },
  commandsLabel: { 'zh-CN': '命令：', 'en-US': 'Commands:' },
  optionsWord: { 'zh-CN': '选项', 'en-US': 'options' },
  commandWord: { 'zh-CN': '命令', 'en-US': 'command' },
  filesWord: { 'zh-CN': '文件', 'en-US': 'files' },
  argumentsLabel: { 'zh-CN': '参数：', 'en-US': 'Arguments:' },
  templateDescription: {
    'zh-CN': '生成《店铺实际成交和询盘统计表》模板（日志表、字典、下拉校验、格式、公式报表）',
    'en-US': 'write the inquiry-log template workbook (log table, dictionary, dropdown validation, formats, formula reports)',
  },
  templateOut: { 'zh-CN': '输出文件路径（.xlsx）', 'en-US': 'output file (.xlsx)' },
  checkDescription: {
    'zh-CN': '按模板规则检查每一行；退出码 0 = 无问题，1 = 有问题，2 = 文件无法读取',
    'en-US': 'validate every log row; exit code 0 = clean, 1 = problems found, 2 = unreadable file',
  },
  filesArgument: { 'zh-CN': '一个或多个 .xlsx 工作簿', 'en-US': 'one or more .xlsx workbooks' },
  jsonOption: { 'zh-CN': '以 JSON 输出（供程序读取）', 'en-US': 'print JSON (machine-readable)' },
  reportDescription: {
    'zh-CN': '汇总八张报表（渠道、地区、客户结构、未成交原因、商品、客服、日趋势、跟进）',
    'en-US': 'compute the eight reports (channel, region, customer mix, no-deal reasons, products, agents, daily, follow-up)',
  },
  reportOut: { 'zh-CN': '把报表写入此 .xlsx 文件', 'en-US': 'write the reports to this .xlsx file' },
  reportPivot: {
    'zh-CN': '与 --out 一起用：另写入日志表和每张报表的数据透视表（打开文件时刷新）',
    'en-US': 'with --out: also write the log table and one PivotTable per report (refreshed when the file opens)',
  },
  reportPivotNeedsOut: { 'zh-CN': '--pivot 需要 --out 文件', 'en-US': '--pivot needs an --out file' },
  pivotSheet: { 'zh-CN': '透视-{title}', 'en-US': 'Pivot {title}' },
  pivotValues: { 'zh-CN': '值', 'en-US': 'Values' },
  mergeDescription: {
    'zh-CN': '把多个客户的日志合并到一个模板工作簿（增加“来源”列）',
    'en-US': 'merge several client logs into one template workbook (with an extra Source column)',
  },
  forceOption: { 'zh-CN': '覆盖已存在的输出文件', 'en-US': 'overwrite the output file if it exists' },
  mergeOut: { 'zh-CN': '合并后的 .xlsx 文件', 'en-US': 'merged .xlsx file' },

  // outcomes
  templateWritten: { 'zh-CN': '已生成模板：{file}', 'en-US': 'Template written: {file}' },
  reportWritten: { 'zh-CN': '已写入报表：{file}', 'en-US': 'Reports written: {file}' },
  mergeWritten: { 'zh-CN': '已合并 {files} 个文件、{rows} 行：{file}', 'en-US': 'Merged {files} files, {rows} rows: {file}' },
  mergeMissingColumns: {
    'zh-CN': '{file}：缺少列 {columns}，合并后这些列为空',
    'en-US': '{file}: missing columns {columns}; those cells stay empty in the merged log',
  },
  checkClean: { 'zh-CN': '{file}：{rows} 行，未发现问题', 'en-US': '{file}: {rows} rows, no problems' },
  checkSummary: {
    'zh-CN': '{file}：{rows} 行，{errors} 个错误，{warnings} 个提醒',
    'en-US': '{file}: {rows} rows, {errors} errors, {warnings} warnings',
  },
  checkOmitted: {
    'zh-CN': '{file}：另有 {omitted} 个问题未列出（只列出前 {shown} 个；用 --max-problems 调整，0 = 全部列出）。按列和类型汇总：',
    'en-US': '{file}: {omitted} more problems not listed (only the first {shown}; change with --max-problems, 0 = all). By column and kind:',
  },
  checkSummaryKind: {
    'zh-CN': '{file}：{column}{severity} {count} 个，例如：{example}',
    'en-US': '{file}: {column}{severity} × {count}, e.g. {example}',
  },
  maxProblemsOption: {
    'zh-CN': '每个文件最多列出的问题数（默认 {n}；0 = 全部列出）',
    'en-US': 'problems listed per file at most (default {n}; 0 = all)',
  },
  errorBadMaxProblems: {
    'zh-CN': '--max-problems 应为 0 或正整数：{value}',
    'en-US': '--max-problems must be 0 or a positive whole number: {value}',
  },
  severityError: { 'zh-CN': '错误', 'en-US': 'error' },
  severityWarning: { 'zh-CN': '提醒', 'en-US': 'warning' },
  missingColumns: { 'zh-CN': '缺少列：{columns}', 'en-US': 'missing columns: {columns}' },

  reportSkipped: {
    'zh-CN': '{file}：{rows} 行有错误，未计入报表（用 shop-stats check 查看）',
    'en-US': '{file}: {rows} rows with errors left out of the reports (see shop-stats check)',
  },
  reportRowsUsed: { 'zh-CN': '报表基于 {rows} 行（{files} 个文件）', 'en-US': 'Reports over {rows} rows ({files} files)' },

  // progress (stderr)
  progressReading: { 'zh-CN': '正在读取 {file} …', 'en-US': 'Reading {file} …' },
  progressRows: { 'zh-CN': '{file}：已读取 {rows} 行', 'en-US': '{file}: {rows} rows read' },
  progressDone: { 'zh-CN': '{file}：共 {rows} 行，用时 {seconds} 秒', 'en-US': '{file}: {rows} rows in {seconds} s' },

  // unreadable input (exit 2)
  errorNotFound: { 'zh-CN': '无法读取 {file}：文件不存在', 'en-US': 'Cannot read {file}: no such file' },
  errorUnreadable: { 'zh-CN': '无法读取 {file}：不是可读取的文件（是文件夹，或没有读取权限）', 'en-US': 'Cannot read {file}: not a readable file (a folder, or no permission to read it)' },
  errorNoLog: {
    'zh-CN': '无法读取 {file}：找不到询盘统计表（需要名为“询盘统计”的工作表，或前 50 行中有一行至少含 6 个模板列标题）',
    'en-US': 'Cannot read {file}: no inquiry log found (a sheet named 询盘统计, or a row within the first 50 holding at least 6 template headers)',
  },
  errorAmbiguousSheets: {
    'zh-CN': '无法读取 {file}：多个工作表像询盘统计表但列不同（{detail}），无法确定读取哪些；请统一表头或删去多余的工作表',
    'en-US': 'Cannot read {file}: several sheets look like the inquiry log but have different columns ({detail}); make their headers the same or remove the extra sheets',
  },
  errorDuplicateColumns: {
    'zh-CN': '无法读取 {file}：表头有重复的列（{detail}），无法确定使用哪一列；请删除或改名其中一列',
    'en-US': 'Cannot read {file}: the header has a column twice ({detail}), so which one holds the data is unclear; delete or rename one of them',
  },
  errorXls: {
    'zh-CN': '无法读取 {file}：这是旧版 .xls（或 WPS .et）工作簿；请在 Excel 或 WPS 中打开并“另存为” .xlsx 后再试',
    'en-US': 'Cannot read {file}: this is an old .xls (or WPS .et) workbook; open it in Excel or WPS and save it as .xlsx',
  },
  errorOds: {
    'zh-CN': '无法读取 {file}：这是 OpenDocument（.ods）表格；请在 LibreOffice、WPS 或 Excel 中打开并“另存为” .xlsx 后再试',
    'en-US': 'Cannot read {file}: this is an OpenDocument (.ods) spreadsheet; open it in LibreOffice, WPS or Excel and save it as .xlsx',
  },
  errorEncrypted: {
    'zh-CN': '无法读取 {file}：工作簿设有打开密码；请在 Excel 中删除密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）并保存后再试',
    'en-US': 'Cannot read {file}: the workbook is password-protected; remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it) and save',
  },
  errorText: {
    'zh-CN': '无法读取 {file}：这是 CSV 或文本文件，不是 Excel 工作簿；请在 Excel 或 WPS 中打开并“另存为” .xlsx 后再试',
    'en-US': 'Cannot read {file}: this is a CSV or text file, not an Excel workbook; open it in Excel or WPS and save it as .xlsx',
  },
  errorEmpty: { 'zh-CN': '无法读取 {file}：文件是空的（0 字节）', 'en-US': 'Cannot read {file}: the file is empty (0 bytes)' },
  errorUnknownKind: {
    'zh-CN': '无法读取 {file}：不是 Excel 工作簿；请在 Excel 中打开并另存为 .xlsx',
    'en-US': 'Cannot read {file}: not an Excel workbook; open it in Excel and save it as .xlsx',
  },
  errorDamaged: {
    'zh-CN': '无法读取 {file}：.xlsx 文件已损坏；请在 Excel 中打开（必要时“打开并修复”）并重新保存',
    'en-US': 'Cannot read {file}: the .xlsx file is damaged; open it in Excel (Open and Repair if needed) and save it again',
  },
  errorDamagedPart: {
    'zh-CN': '无法读取 {file}：.xlsx 文件已损坏（{detail}）；请在 Excel 中打开（必要时“打开并修复”）并重新保存',
    'en-US': 'Cannot read {file}: the .xlsx file is damaged ({detail}); open it in Excel (Open and Repair if needed) and save it again',
  },
  errorExists: {
    'zh-CN': '{file} 已存在，未覆盖（确需覆盖请加 --force）',
    'en-US': '{file} already exists and was not overwritten (add --force to replace it)',
  },
  errorWrite: { 'zh-CN': '无法写入 {file}：{detail}', 'en-US': 'Cannot write {file}: {detail}' },
  errorInternal: {
    'zh-CN': 'shop-stats：内部错误，未完成（设置 SHOP_STATS_DEBUG=1 可查看详情，请反馈给我们）',
    'en-US': 'shop-stats: internal error, nothing finished (set SHOP_STATS_DEBUG=1 for details and report it to us)',
  },
  errorBadLang: { 'zh-CN': '不支持的语言：{lang}（可用 zh-CN 或 en-US）', 'en-US': 'Unsupported language: {lang} (use zh-CN or en-US)' },

  // template: data-validation prompts shown by Excel / WPS / LibreOffice
  dvListTitle: { 'zh-CN': '请从列表中选择', 'en-US': 'Choose from the list' },
  dvListBody: { 'zh-CN': '此列只接受“字典”表中的值；如需新值，请先在字典中添加。', 'en-US': 'This column accepts values from the 字典 (dictionary) sheet; add new values there first.' },
  dvOwnListBody: { 'zh-CN': '该值不在字典中（商品、客服是本店自己的列表）：可以保留，但建议先把它加入字典。', 'en-US': 'This value is not in the dictionary (products and agents are the shop\'s own lists): you may keep it, but consider adding it there.' },
  dvNumberTitle: { 'zh-CN': '请输入数字', 'en-US': 'Enter a number' },
  dvWholeBody: { 'zh-CN': '请输入 ≥ 0 的整数。', 'en-US': 'Enter a whole number ≥ 0.' },
  dvDecimalBody: { 'zh-CN': '请输入 ≥ 0 的金额。', 'en-US': 'Enter an amount ≥ 0.' },
  dvDateTitle: { 'zh-CN': '日期无效', 'en-US': 'Invalid date' },
  dvDateBody: { 'zh-CN': '请输入不晚于今天的日期（yyyy-mm-dd）。', 'en-US': 'Enter a date no later than today (yyyy-mm-dd).' },
  dvTextTitle: { 'zh-CN': '内容过长', 'en-US': 'Text too long' },
  dvTextBody: { 'zh-CN': '最多 {max} 个字符。', 'en-US': 'At most {max} characters.' },

  // template: 字典 and merge
  metaKey: { 'zh-CN': '项目', 'en-US': 'Key' },
  metaValue: { 'zh-CN': '值', 'en-US': 'Value' },
  sourceColumn: { 'zh-CN': '来源', 'en-US': 'Source' },
  reportWorkbookSource: { 'zh-CN': '数据来源：{files}', 'en-US': 'Source: {files}' },
} satisfies TextTable;
