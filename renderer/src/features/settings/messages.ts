/** The settings page's strings. */
export const zh = {
  'settings.lpr': 'LPR 利率表',
  'settings.lprSource': '来源',
  'settings.lprShipped': '随软件发布',
  'settings.lprImported': '用户导入',
  'settings.lprAsOf': '数据截至',
  'settings.lprImport': '导入新的 LPR 表（JSON）',
  'settings.lprImported.ok': '已导入 {rows} 行，最新报价 {last}',
  'settings.lprImported.notInForce': '已导入，但其最新报价不晚于现用表，未启用',
  'settings.effective': '生效日',
  'settings.lpr1y': '一年期（%）',
  'settings.lpr5y': '五年期以上（%）',
} as const

export const en: Record<keyof typeof zh, string> = {
  'settings.lpr': 'LPR table',
  'settings.lprSource': 'Source',
  'settings.lprShipped': 'shipped with the app',
  'settings.lprImported': 'imported by you',
  'settings.lprAsOf': 'As of',
  'settings.lprImport': 'Import a newer LPR table (JSON)',
  'settings.lprImported.ok': 'Imported {rows} rows, latest quote {last}',
  'settings.lprImported.notInForce': 'Imported, but its latest quote is not newer than the table in use, so it is not in force',
  'settings.effective': 'Effective',
  'settings.lpr1y': '1-year (%)',
  'settings.lpr5y': '5-year+ (%)',
}
