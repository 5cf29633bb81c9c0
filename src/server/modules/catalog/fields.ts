import type { Selectable } from 'kysely';
import type { CatalogTables, ResourceFields } from './tables';

export type ResourceRow = Selectable<CatalogTables['catalog_resource']>;

export const toColumns = (f: ResourceFields) => ({
  name: f.name.trim(),
  catalog_kind: f.catalogKind,
  class_code: f.classCode,
  provider_org_id: f.providerOrgId,
  abstract: f.abstract.trim(),
  format: f.format,
  items: JSON.stringify(f.items) as unknown as ResourceFields['items'],
  share_type: f.shareType,
  share_condition: f.shareCondition.trim(),
  share_basis: f.shareBasis.trim(),
  share_methods: f.shareMethods,
  open_type: f.openType,
  open_condition: f.openCondition.trim(),
  update_cycle: f.updateCycle,
  classification: f.classification,
  related_codes: f.relatedCodes,
});

export function rowFields(r: ResourceRow): ResourceFields {
  return {
    name: r.name,
    catalogKind: r.catalog_kind,
    classCode: r.class_code,
    providerOrgId: r.provider_org_id,
    abstract: r.abstract,
    format: r.format,
    items: r.items,
    shareType: r.share_type,
    shareCondition: r.share_condition,
    shareBasis: r.share_basis,
    shareMethods: r.share_methods,
    openType: r.open_type,
    openCondition: r.open_condition,
    updateCycle: r.update_cycle,
    classification: r.classification,
    relatedCodes: r.related_codes,
  };
}

