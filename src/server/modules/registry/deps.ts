import { ownTables } from '../../kernel/db/database';
import type { Kernel } from '../../kernel/module';
import { gridService } from '../grid';
import { orgService, type OrgTables } from '../org';
import { registers, type RegisterKey } from './fields';
import type { RegistryDb, RegistryTables } from './tables';

/** What the registry's services need, built once per app from the kernel and other modules' public APIs. */
export interface RegistryDeps {
  kernel: Kernel;
  db: RegistryDb;
  /** the organisation that owns a register (责任部门) */
  ownerOf(register: RegisterKey): Promise<string>;
  orgName(id: string): Promise<string>;
  orgPath(id: string): Promise<string[]>;
  /** the unit grid at a point, from the grid module */
  unitGridAt(lng: number, lat: number): Promise<string | null>;
}

export function registryDeps(kernel: Kernel): RegistryDeps {
  const orgs = ownTables<OrgTables>(kernel.database);
  const grid = gridService(kernel);
  return {
    kernel,
    db: ownTables<RegistryTables>(kernel.database),
    ownerOf: async (register) => {
      const name = registers[register].owner;
      const id = await orgService.idByName(orgs, name);
      if (!id) throw new Error(`the organisation ${name} is missing: it owns the ${register} register`);
      return id;
    },
    orgName: async (id) => {
      try {
        return (await orgService.get(orgs, id)).name;
      } catch {
        return id; // an organisation removed from the tree still shows as its id in old records
      }
    },
    orgPath: async (id) => (await kernel.orgs.pathOf(id)) ?? [id],
    unitGridAt: async (lng, lat) => (await grid.locate(lng, lat))?.unitGridCode ?? null,
  };
}
