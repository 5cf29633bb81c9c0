import type { CatalogKind, ItemType, OpenType, ResourceClassification, ResourceFormat, ShareMethod, ShareType, UpdateCycle } from './tables';

/** The vocabularies of the catalogue (编制指南), with their Chinese labels. */
export const catalogKinds: Record<CatalogKind, string> = { base: '基础信息资源', theme: '主题信息资源', department: '部门信息资源' };
/** First digit of the class code (类) for each kind. */
export const kindDigit: Record<CatalogKind, string> = { base: '1', theme: '2', department: '3' };
export const shareTypes: Record<ShareType, string> = { unconditional: '无条件共享', conditional: '有条件共享', none: '不予共享' };
export const shareMethods: Record<ShareMethod, string> = { api: '接口', table: '库表交换', file: '文件' };
export const openTypes: Record<OpenType, string> = { unconditional: '无条件开放', conditional: '有条件开放', none: '不予开放' };
export const formats: Record<ResourceFormat, string> = { database: '数据库', spreadsheet: '电子表格', file: '电子文件', image: '图形图像', stream: '流媒体', api: '接口', geo: '地理空间' };
export const updateCycles: Record<UpdateCycle, string> = { realtime: '实时', daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度', yearly: '每年', irregular: '不定期' };
export const classifications: Record<ResourceClassification, string> = { public: '公开', internal: '内部', secret: '秘密' };
export const itemTypes: Record<ItemType, string> = { string: '字符型', integer: '整数型', decimal: '数值型', date: '日期型', datetime: '日期时间型', boolean: '布尔型', binary: '二进制' };

/** Licences offered on the portal (CKAN license_id → title, url). */
export const licences: Record<string, { title: string; url: string; open: boolean }> = {
  'cc-by': { title: 'Creative Commons Attribution 4.0 (署名)', url: 'https://creativecommons.org/licenses/by/4.0/', open: true },
  'cc-zero': { title: 'Creative Commons CCZero (公共领域)', url: 'https://creativecommons.org/publicdomain/zero/1.0/', open: true },
  'odc-by': { title: 'Open Data Commons Attribution License', url: 'https://opendatacommons.org/licenses/by/1-0/', open: true },
  'yc-open': { title: '永川区公共数据开放授权协议（无条件开放）', url: '/opendata/licence/yc-open', open: true },
  'yc-conditional': { title: '永川区公共数据有条件开放协议', url: '/opendata/licence/yc-conditional', open: false },
};

/** The data authority (数据主管部门) that approves publication; seeded by the org module. */
export const dataAuthorityName = '区大数据发展局';
