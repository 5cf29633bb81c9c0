import { ownTables } from '../../../kernel/db/database';
import type { Module } from '../../../kernel/module';
import { orgService, type OrgTables } from '../../org';
import { ISSUE } from './issue-by-staff';
import { rememberKeys } from './keyring';
import { READ, REVOKE } from './manage';
import { certificateRoutes } from './routes';
import type { CertificatesTables } from './tables';
import { seedCertificateTypes } from './types';

/** What the certificates add to the services module (permissions, grants, routes, demo seed). */
export const certificatesPart: Pick<Module, 'permissions' | 'grants' | 'routes' | 'seed'> = {
  permissions: [
    { name: ISSUE, zh: '签发本部门电子证照', en: 'Issue the electronic certificates of one’s department' },
    { name: REVOKE, zh: '注销本部门签发的电子证照', en: 'Revoke certificates one’s department issued' },
    { name: READ, zh: '查看本单位签发的电子证照', en: 'Read the certificates one’s organisation issued' },
  ],
  // the deciding department issues and revokes its own (scope of the role: own department)
  grants: { dept_reviewer: [ISSUE, REVOKE, READ] },
  routes: (app, kernel) => {
    rememberKeys(kernel.keys);
    certificateRoutes(app, kernel, ownTables<CertificatesTables>(kernel.database));
  },
  // the demo types name the demo departments; a production deployment enters its own
  seed: async (kernel, { demo }) => {
    rememberKeys(kernel.keys);
    if (!demo) return;
    const orgs = ownTables<OrgTables>(kernel.database);
    const n = await seedCertificateTypes(ownTables<CertificatesTables>(kernel.database), (name) => orgService.idByName(orgs, name));
    if (n > 0) kernel.log.info({ types: n }, 'seeded the demo certificate types');
  },
};
