import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { idNumberCheckCharacter } from '../../../shared/validators';
import { inTransaction } from '../../kernel/db/database';
import type { SharingDeps } from './deps';
import type { RegisterKey } from './tables';

/** The base catalogues served from the registers: item → register field, and the item they are looked up by. */
const registryBindings: Array<{ name: string; register: RegisterKey; keyItem: string; bindings: Record<string, string> }> = [
  {
    name: '自然人基础信息',
    register: 'persons',
    keyItem: '公民身份号码',
    bindings: { 姓名: 'name', 公民身份号码: 'idNumber', 性别: 'sex', 出生日期: 'birthDate', 户籍地址: 'householdAddress', 联系电话: 'phone', 人员状态: 'status' },
  },
  {
    name: '法人基础信息',
    register: 'legal-persons',
    keyItem: '统一社会信用代码',
    bindings: { 名称: 'name', 统一社会信用代码: 'creditCode', 法人类型: 'entityType', 法定代表人: 'legalRep', 注册地址: 'registeredAddress', 登记状态: 'status', 行业代码: 'industryCode', 成立日期: 'establishedOn' },
  },
  { name: '地理空间基础信息（标准地址）', register: 'places', keyItem: '标准地址', bindings: { 标准地址: 'address', 经度: 'lng', 纬度: 'lat', 单元网格编码: 'unitGridCode', 所属街镇: 'street' } },
];

const id17 = (n: number) => `500118${1950 + (n % 50)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}${String(100 + n).slice(-3)}`;
const idNumber = (n: number) => id17(n) + idNumberCheckCharacter(id17(n));
const names = ['陈光荣', '李秀英', '王德明', '刘桂兰', '张建国', '杨淑珍', '黄志强', '赵玉梅', '周海涛', '吴春燕', '徐国平', '孙丽华'];
const places = ['中山路街道红旗社区', '胜利路街道萱花社区', '卫星湖街道南华社区', '双石镇双石村', '朱沱镇汉东村', '仙龙镇仙龙社区', '来苏镇来苏社区', '板桥镇板桥社区'];

/** Fictional rows for the demo's conditionally shared department resources (库表交换). */
const tableRows: Record<string, Array<Record<string, unknown>>> = {
  最低生活保障对象信息: names.slice(0, 8).map((name, n) => ({ 户主姓名: name, 公民身份号码: idNumber(n), 保障人数: 1 + (n % 4), '月保障金额（元）': 620 + 35 * (n % 5), 保障起始日期: `202${4 + (n % 2)}-0${1 + (n % 9)}-01` })),
  不动产登记信息: names.slice(2, 10).map((name, n) => ({ 不动产单元号: `500118${String(1000 + n * 37).padStart(6, '0')}GB${String(n + 1).padStart(5, '0')}F0001`, 权利人: name, 坐落: `重庆市永川区${places[n % places.length]}${10 + n}号`, '面积（平方米）': 68.5 + 11 * n, 用途: n % 3 === 0 ? '商业' : '住宅', 权利状态: n === 5 ? '查封' : '正常' })),
  社会保险参保信息: names.slice(0, 10).map((name, n) => ({ 姓名: name, 公民身份号码: idNumber(n), 险种: ['城镇职工基本养老保险', '工伤保险', '失业保险'][n % 3], 参保状态: n % 4 === 3 ? '暂停缴费' : '正常参保', 缴费基数: 4200 + 300 * (n % 6) })),
  医疗保障参保与结算信息: names.slice(4, 12).map((name, n) => ({ 姓名: name, 公民身份号码: idNumber(n + 4), 参保类型: n % 2 ? '城乡居民医保' : '职工医保', 统筹支付金额: 1200 + 431 * n, 结算日期: `2026-0${1 + (n % 9)}-1${n % 10}` })),
};

const demoSystems: Array<{ org: string; name: string }> = [
  { org: '区城市管理局', name: '数字城管系统' },
  { org: '区行政服务中心', name: '一窗综合受理系统' },
  { org: '区民政局', name: '社会救助核对系统' },
];

/** Binds the base catalogues to their registers (once), and with demo data fills tables and systems. */
export async function seedSharing(deps: SharingDeps, demo: boolean): Promise<{ sources: number; rows: number; systems: number }> {
  const index = await deps.catalog.published();
  const byName = new Map([...index.byId.values()].map((r) => [r.name, r]));
  const result = { sources: 0, rows: 0, systems: 0 };
  const orgIds = new Map([...(await deps.orgNames())].map(([id, name]) => [name, id]));
  await inTransaction(deps.db, async (tx) => {
    for (const b of registryBindings) {
      const resource = byName.get(b.name);
      if (!resource) continue;
      const done = await tx
        .insertInto('share_source')
        .values({ resource_id: resource.id, kind: 'registry', register: b.register, bindings: JSON.stringify(b.bindings) as never, key_item: b.keyItem, updated_by: null })
        .onConflict((oc) => oc.column('resource_id').doNothing())
        .executeTakeFirst();
      result.sources += Number(done.numInsertedOrUpdatedRows ?? 0);
    }
    if (!demo) return;
    for (const [name, rows] of Object.entries(tableRows)) {
      const resource = byName.get(name);
      if (!resource) continue;
      const done = await tx
        .insertInto('share_source')
        .values({ resource_id: resource.id, kind: 'table', register: null, bindings: sql`'{}'::jsonb` as never, key_item: null, updated_by: null })
        .onConflict((oc) => oc.column('resource_id').doNothing())
        .executeTakeFirst();
      if (Number(done.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      result.sources += 1;
      await tx.insertInto('share_row').values(rows.map((record, n) => ({ resource_id: resource.id, row_no: n + 1, record: JSON.stringify(record) as never }))).execute();
      result.rows += rows.length;
    }
    for (const s of demoSystems) {
      const orgId = orgIds.get(s.org);
      if (!orgId) continue;
      const done = await tx.insertInto('share_system').values({ id: uuidv7(), org_id: orgId, name: s.name, created_by: null }).onConflict((oc) => oc.columns(['org_id', 'name']).doNothing()).executeTakeFirst();
      result.systems += Number(done.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return result;
}
