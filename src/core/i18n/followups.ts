/** Texts of the follow-up view (今日待跟进) and of the pane's charts. */
import type { TextTable } from './index';

export const followUpText = {
  heading: { 'zh-CN': '今日待跟进', 'en-US': 'Follow-ups due' },
  explain: {
    'zh-CN': '跟进情况为“待跟进”且下次跟进日期不晚于今天的询盘，逾期的排在前面。',
    'en-US': 'Inquiries marked "To follow up" whose next follow-up date is today or earlier; overdue ones first.',
  },
  agentFilter: { 'zh-CN': '客服', 'en-US': 'Agent' },
  allAgents: { 'zh-CN': '全部客服', 'en-US': 'All agents' },
  count: { 'zh-CN': '今日待跟进：{n} 条', 'en-US': 'Follow-ups due: {n}' },
  openList: { 'zh-CN': '查看待跟进', 'en-US': 'Open follow-ups' },
  showMore: { 'zh-CN': '再显示 {n} 条（共 {total} 条）', 'en-US': 'Show {n} more (of {total})' },
  none: { 'zh-CN': '今天没有需要跟进的询盘。', 'en-US': 'No follow-ups due today.' },
  undated: {
    'zh-CN': '另有 {n} 条“待跟进”没有下次跟进日期，请在“检查”中修正。',
    'en-US': 'Also {n} "To follow up" row(s) without a next follow-up date: fix them in Check.',
  },
  field: { 'zh-CN': '{label}：{value}', 'en-US': '{label}: {value}' },
  dueToday: { 'zh-CN': '今天到期', 'en-US': 'Due today' },
  overdue: { 'zh-CN': '逾期 {n} 天', 'en-US': '{n} days overdue' },
  rowLabel: { 'zh-CN': '第 {row} 行', 'en-US': 'Row {row}' },
  selectRow: { 'zh-CN': '在表格中选中第 {row} 行（{customer}）', 'en-US': 'Select row {row} ({customer}) in the sheet' },
  nextDate: { 'zh-CN': '下次跟进', 'en-US': 'Next follow-up' },
  outcomeFollowed: { 'zh-CN': '已跟进', 'en-US': 'Followed up' },
  outcomeConverted: { 'zh-CN': '已转化', 'en-US': 'Converted' },
  outcomeLost: { 'zh-CN': '已流失', 'en-US': 'Lost' },
  actionsFor: { 'zh-CN': '记录 {customer} 的跟进结果', 'en-US': 'Record the outcome for {customer}' },
  recorded: { 'zh-CN': '第 {row} 行已记为“{outcome}”。', 'en-US': 'Row {row} recorded as "{outcome}".' },
  changed: {
    'zh-CN': '第 {row} 行已被移动或修改，未写入；列表已刷新。',
    'en-US': 'Row {row} was moved or changed, so nothing was written; the list has been refreshed.',
  },
  queued: {
    'zh-CN': '未能写入第 {row} 行（{reason}），已放入待写入，稍后自动重试。',
    'en-US': 'Could not write row {row} ({reason}); it is queued and will be retried automatically.',
  },
  badDate: { 'zh-CN': '请填写有效的下次跟进日期（如 2026-12-04）。', 'en-US': 'Enter a valid next follow-up date (e.g. 2026-12-04).' },
  pastDate: { 'zh-CN': '下次跟进日期不能早于今天。', 'en-US': 'The next follow-up date cannot be before today.' },
  outboxItem: { 'zh-CN': '第 {row} 行跟进结果：{outcome}', 'en-US': 'Row {row} follow-up: {outcome}' },
  outboxSent: { 'zh-CN': '待写入的跟进结果已写入第 {row} 行。', 'en-US': 'The queued follow-up was written to row {row}.' },
  outboxChanged: {
    'zh-CN': '待写入的跟进结果未写入：第 {row} 行已被移动或修改。',
    'en-US': 'The queued follow-up was not written: row {row} was moved or changed.',
  },
  backToEntry: { 'zh-CN': '返回录入', 'en-US': 'Back to entry' },

  // Charts
  chartTrend: { 'zh-CN': '近 30 天询盘与成交', 'en-US': 'Inquiries and deals, last 30 days' },
  chartTrendAlt: {
    'zh-CN': '折线图：近 30 天（{from} 至 {to}）共 {inquiries} 条询盘、{deals} 笔成交；询盘最多的一天是 {peakDay}（{peak} 条）。',
    'en-US': 'Line chart: over the last 30 days ({from} to {to}), {inquiries} inquiries and {deals} deals; the busiest day was {peakDay} ({peak} inquiries).',
  },
  chartReasons: { 'zh-CN': '近 30 天未成交原因（帕累托）', 'en-US': 'No-deal reasons, last 30 days (Pareto)' },
  chartReasonsAlt: {
    'zh-CN': '帕累托条形图：{items}。',
    'en-US': 'Pareto bar chart: {items}.',
  },
  chartBarsAlt: { 'zh-CN': '{kind}：{items}。', 'en-US': '{kind}: {items}.' },
  kindColumn: { 'zh-CN': '柱形图', 'en-US': 'Column chart' },
  kindBar: { 'zh-CN': '条形图', 'en-US': 'Bar chart' },
  kindStacked: { 'zh-CN': '堆积柱形图', 'en-US': 'Stacked column chart' },
  lineAlt: { 'zh-CN': '折线图：{from} 至 {to}，{items}。', 'en-US': 'Line chart: {from} to {to}, {items}.' },
  paretoItem: { 'zh-CN': '{label} {n}（累计 {share}）', 'en-US': '{label} {n} (cumulative {share})' },
  reasonCount: { 'zh-CN': '次数', 'en-US': 'Count' },
  cumulative: { 'zh-CN': '累计占比', 'en-US': 'Cumulative share' },
  chartEmpty: { 'zh-CN': '暂无数据', 'en-US': 'No data yet' },
} satisfies TextTable;
