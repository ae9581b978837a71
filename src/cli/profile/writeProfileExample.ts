/**
 * `profile init`: a filled example profile workbook with instructions, in the chosen language. The agency edits it
 * in Excel or WPS and passes it to `template --profile`.
 */
import ExcelJS from 'exceljs';
import { t } from '../../core/i18n';
import { agency as A } from '../../core/i18n/agency';
import { LISTS, type Lang, type ListKey } from '../../core/schema';
import { HEADER_FILL } from '../template/cells';
import { AGENCY_FIELDS, CLIENT_FIELDS, PROFILE_SHEETS } from './profileSheets';

const EXAMPLE_LISTS: Array<{ key: ListKey; mode: 'extend' | 'replace'; items: string[] }> = [
  { key: 'agent', mode: 'replace', items: ['小王', '小李', '小张'] },
  { key: 'product', mode: 'replace', items: ['连衣裙 A01', '衬衫 B02', '外套 C03'] },
  { key: 'channel', mode: 'extend', items: ['抖音'] },
];

const EXAMPLE_CLIENTS = [
  ['张三服饰旗舰店', '张三服饰旗舰店', '天猫', '张三 / 138****0000'],
  ['李四批发', '李四工厂店', '1688', '李四'],
  ['王五家居', '王五家居专营店', '淘宝', '王五'],
];

function header(ws: ExcelJS.Worksheet, values: string[]): void {
  ws.addRow(values);
  ws.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
}

export async function writeProfileExample(file: string, lang: Lang): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const help = wb.addWorksheet(PROFILE_SHEETS.help[lang]);
  help.getColumn(1).width = 110;
  for (const line of [A.profileHelp1, A.profileHelp2, A.profileHelp3, A.profileHelp4, A.profileHelp5]) help.addRow([t(line, lang)]);
  help.getCell('A1').font = { bold: true, size: 14 };

  const agency = wb.addWorksheet(PROFILE_SHEETS.agency[lang]);
  agency.getColumn(1).width = 16;
  agency.getColumn(2).width = 40;
  header(agency, [t(A.profileFieldHeader, lang), t(A.profileValueHeader, lang)]);
  agency.addRow([AGENCY_FIELDS.agency[lang], lang === 'zh-CN' ? '杭州示例电商代运营' : 'Hangzhou Example Agency']);
  agency.addRow([AGENCY_FIELDS.color[lang], '#C00000']);
  agency.addRow([AGENCY_FIELDS.logo[lang], '']);

  const lists = wb.addWorksheet(PROFILE_SHEETS.lists[lang]);
  header(lists, EXAMPLE_LISTS.map((l) => (lang === 'en-US' ? LISTS[l.key].en : LISTS[l.key].zh)));
  lists.addRow(EXAMPLE_LISTS.map((l) => (lang === 'en-US' ? l.mode : l.mode === 'replace' ? '替换' : '追加')));
  const tallest = Math.max(...EXAMPLE_LISTS.map((l) => l.items.length));
  for (let i = 0; i < tallest; i++) lists.addRow(EXAMPLE_LISTS.map((l) => l.items[i] ?? null));
  EXAMPLE_LISTS.forEach((_l, i) => {
    lists.getColumn(i + 1).width = 16;
  });
  lists.getRow(2).font = { italic: true, color: { argb: 'FF666666' } };

  const clients = wb.addWorksheet(PROFILE_SHEETS.clients[lang]);
  header(clients, [CLIENT_FIELDS.client[lang], CLIENT_FIELDS.shop[lang], CLIENT_FIELDS.platform[lang], CLIENT_FIELDS.contact[lang]]);
  for (const row of EXAMPLE_CLIENTS) clients.addRow(row);
  [20, 20, 10, 24].forEach((w, i) => {
    clients.getColumn(i + 1).width = w;
  });
  clients.views = [{ state: 'frozen', ySplit: 1 }];
  await wb.xlsx.writeFile(file);
}
