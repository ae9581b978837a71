/** Report titles, value labels and the words the report tables and summaries show. */
import type { TextTable } from './index';

export const reports = {
  // titles
  titleChannel: { 'zh-CN': '渠道转化', 'en-US': 'Channel conversion' },
  titleRegion: { 'zh-CN': '地区分布', 'en-US': 'Regions' },
  titleCustomerMix: { 'zh-CN': '客户结构', 'en-US': 'Customer mix' },
  titleNoDealReasons: { 'zh-CN': '未成交原因', 'en-US': 'No-deal reasons' },
  titleProducts: { 'zh-CN': '商品热销/滞销', 'en-US': 'Products: best and slow sellers' },
  titleAgents: { 'zh-CN': '客服业绩', 'en-US': 'Agent performance' },
  titleDaily: { 'zh-CN': '日趋势', 'en-US': 'Daily trend' },
  titleFollowUp: { 'zh-CN': '跟进看板', 'en-US': 'Follow-up board' },
  // values
  inquiries: { 'zh-CN': '询盘数', 'en-US': 'Inquiries' },
  deals: { 'zh-CN': '成交数', 'en-US': 'Deals' },
  conversion: { 'zh-CN': '转化率', 'en-US': 'Conversion' },
  amount: { 'zh-CN': '成交额', 'en-US': 'Amount' },
  quantity: { 'zh-CN': '数量', 'en-US': 'Quantity' },
  count: { 'zh-CN': '次数', 'en-US': 'Count' },
  share: { 'zh-CN': '占比', 'en-US': '% of total' },
  // table words
  total: { 'zh-CN': '合计', 'en-US': 'Total' },
  blank: { 'zh-CN': '（空白）', 'en-US': '(blank)' },
  filterNoDeal: { 'zh-CN': '筛选：是否成交 = 否', 'en-US': 'Filter: Deal = No' },
  dailyWindow: { 'zh-CN': '最近 {days} 天（截至最后一个记录日期）', 'en-US': 'Last {days} days (up to the latest logged date)' },
  // summary windows
  today: { 'zh-CN': '今天', 'en-US': 'Today' },
  last7: { 'zh-CN': '近 7 天', 'en-US': 'Last 7 days' },
  last30: { 'zh-CN': '近 30 天', 'en-US': 'Last 30 days' },
  topNoDealReasons: { 'zh-CN': '主要未成交原因', 'en-US': 'Top no-deal reasons' },
} satisfies TextTable;
