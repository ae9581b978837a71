/** The profile workbook's layout, shared by its writer (profile init) and its reader: sheet names and labels in both languages. */
import type { Lang } from '../../core/schema';

export const PROFILE_SHEETS = {
  help: { 'zh-CN': '说明', 'en-US': 'Instructions' },
  agency: { 'zh-CN': '机构', 'en-US': 'Agency' },
  lists: { 'zh-CN': '列表', 'en-US': 'Lists' },
  clients: { 'zh-CN': '客户', 'en-US': 'Clients' },
} as const;

export const AGENCY_FIELDS = {
  agency: { 'zh-CN': '机构名称', 'en-US': 'Agency name' },
  color: { 'zh-CN': '主题色', 'en-US': 'Accent colour' },
  logo: { 'zh-CN': '徽标文件', 'en-US': 'Logo file' },
} as const;

export const CLIENT_FIELDS = {
  client: { 'zh-CN': '客户名称', 'en-US': 'Client' },
  shop: { 'zh-CN': '店铺', 'en-US': 'Shop' },
  platform: { 'zh-CN': '平台', 'en-US': 'Platform' },
  contact: { 'zh-CN': '联系人', 'en-US': 'Contact' },
} as const;

export type Bilingual = Record<Lang, string>;

/** True when a sheet name or label is the zh or en spelling (case and surrounding spaces ignored). */
export function matches(text: unknown, names: Bilingual): boolean {
  const s = String(text ?? '').trim().toLowerCase();
  return s === names['zh-CN'].toLowerCase() || s === names['en-US'].toLowerCase();
}
