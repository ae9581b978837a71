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
  checkClean: { 'zh-CN': '{file}：{rows} 行，未发现问题', 'en-US': '{file}: {rows} rows, no problems' },
  checkSummary: {
    'zh-CN': '{file}：{rows} 行，{errors} 个错误，{warnings} 个提醒',
    'en-US': '{file}: {rows} rows, {errors} errors, {warnings} warnings',
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
  errorNotXlsx: {
    'zh-CN': '无法读取 {file}：不是有效的 .xlsx 工作簿（{detail}）',
    'en-US': 'Cannot read {file}: not a valid .xlsx workbook ({detail})',
  },
  errorNoLog: {
    'zh-CN': '无法读取 {file}：找不到询盘统计表（需要名为“询盘统计”的工作表，或首行至少含 6 个模板列标题）',
    'en-US': 'Cannot read {file}: no inquiry log found (a sheet named 询盘统计, or a first row with at least 6 template headers)',
  },
  errorExists: {
    'zh-CN': '{file} 已存在，未覆盖（确需覆盖请加 --force）',
    'en-US': '{file} already exists and was not overwritten (add --force to replace it)',
  },
  errorWrite: { 'zh-CN': '无法写入 {file}：{detail}', 'en-US': 'Cannot write {file}: {detail}' },
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
