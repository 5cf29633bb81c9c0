import type { Module } from '../kernel/module';
import { orgModule } from './org';
import { gridModule } from './grid';
import { requestsModule } from './requests';
import { casesModule } from './cases';
import { iotModule } from './iot';
import { servicesModule } from './services';
import { interactionModule } from './interaction';
import { disclosureModule } from './disclosure';
import { registryModule } from './registry';
import { catalogModule } from './catalog';
import { sharingModule } from './sharing';

/** The modules, in start-up order: migrations and seeds run in this order. */
export const modules: Module[] = [orgModule, gridModule, requestsModule, casesModule, iotModule, servicesModule, interactionModule, registryModule, catalogModule, sharingModule, disclosureModule];
