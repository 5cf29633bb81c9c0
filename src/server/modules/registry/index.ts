import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kernel, Module } from '../../kernel/module';
import type { RegisterKey } from './fields';
import { registryDeps } from './deps';
import { lookupRecord } from './lookup';
import { objectionProcess } from './objection-process';
import { objectionDecided } from './objections';
import { registryRoutes } from './routes';
import { seedRegistry } from './seed';

export type { RegistryTables } from './tables';
export type { RegisterKey } from './fields';
export { registers } from './fields';
export { lookupKeyOf } from './lookup';

/** The registers' API for other modules: a record by its identifier, for an exchange the caller authorised and logs. */
export function registryService(kernel: Kernel) {
  const deps = registryDeps(kernel);
  return {
    /** `wanted`: the register fields the caller will send on (others stay encrypted) */
    lookup: (register: RegisterKey, value: string, wanted?: ReadonlySet<string>) => lookupRecord(deps, register, value, wanted),
  };
}

export const registryModule: Module = {
  name: 'registry',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [
    { name: 'registry:read', zh: '查询基础库（授权字段）', en: 'Search and read the base registers (granted fields)' },
    { name: 'registry:maintain', zh: '维护基础库（责任部门：新增、修改、批量导入）', en: 'Maintain a base register (owning department: add, change, import)' },
    { name: 'registry:objection.raise', zh: '对基础库数据提出异议', en: 'Object to base-register data' },
    { name: 'registry:objection.handle', zh: '校核基础库异议（责任部门）', en: 'Decide objections (owning department)' },
    { name: 'registry:fields.manage', zh: '设置基础库字段授权', en: 'Set which roles see which register fields' },
  ],
  grants: {
    window_clerk: ['registry:read', 'registry:objection.raise'],
    dept_reviewer: ['registry:read', 'registry:maintain', 'registry:objection.raise', 'registry:objection.handle'],
    dept_handler: ['registry:read', 'registry:objection.raise'],
    leader: ['registry:read'],
    // who sees which personal field is a security setting (三员分立: the security administrator)
    security_admin: ['registry:fields.manage'],
  },
  processes: [objectionProcess],
  // the hook needs the field keys and other modules' APIs, which come with the kernel
  background: (kernel) => kernel.workflow.onTransition(objectionProcess.key, objectionDecided(registryDeps(kernel))),
  routes: (app, kernel) => registryRoutes(app, registryDeps(kernel)),
  seed: async (kernel, { demo }) => {
    const result = await seedRegistry(registryDeps(kernel), demo);
    if (result.grants > 0 || result.records > 0) kernel.log.info(result, 'seeded the base registers');
  },
};
