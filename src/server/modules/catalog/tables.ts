import type { Generated, Kysely } from 'kysely';

export type CatalogKind = 'base' | 'theme' | 'department';
export type ShareType = 'unconditional' | 'conditional' | 'none';
export type OpenType = 'unconditional' | 'conditional' | 'none';
export type ShareMethod = 'api' | 'table' | 'file';
export type ResourceFormat = 'database' | 'spreadsheet' | 'file' | 'image' | 'stream' | 'api' | 'geo';
export type UpdateCycle = 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly' | 'irregular';
export type ResourceClassification = 'public' | 'internal' | 'secret';
export type ResourceStatus = 'draft' | 'reviewing' | 'published' | 'returned';
export type ItemType = 'string' | 'integer' | 'decimal' | 'date' | 'datetime' | 'boolean' | 'binary';

/** 信息项: one data item of a resource. */
export interface DataItem {
  name: string;
  type: ItemType;
  length?: number | undefined;
}

/** The metadata a department maintains (the working copy; also the published snapshot). */
export interface ResourceFields {
  name: string;
  catalogKind: CatalogKind;
  classCode: string;
  providerOrgId: string;
  abstract: string;
  format: ResourceFormat;
  items: DataItem[];
  shareType: ShareType;
  shareCondition: string;
  shareBasis: string;
  shareMethods: ShareMethod[];
  openType: OpenType;
  openCondition: string;
  updateCycle: UpdateCycle;
  classification: ResourceClassification;
  relatedCodes: string[];
}

export interface DatastoreField {
  id: string;
  type: 'text' | 'int' | 'numeric' | 'timestamp' | 'bool';
  label?: string;
}

export interface CatalogTables {
  catalog_resource: {
    id: string;
    code: string;
    name: string;
    catalog_kind: CatalogKind;
    class_code: string;
    provider_org_id: string;
    abstract: string;
    format: ResourceFormat;
    items: DataItem[];
    share_type: ShareType;
    share_condition: string;
    share_basis: string;
    share_methods: ShareMethod[];
    open_type: OpenType;
    open_condition: string;
    update_cycle: UpdateCycle;
    classification: ResourceClassification;
    related_codes: string[];
    status: Generated<ResourceStatus>;
    published: (ResourceFields & { code: string; publishedAt: string; revision: number }) | null;
    published_on: Date | string | null;
    instance_id: string | null;
    revision: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
  catalog_code_seq: { prefix: string; last: number };
  open_group: { id: string; name: string; title: string; description: Generated<string>; created_at: Generated<Date> };
  open_dataset: {
    id: string;
    name: string;
    title: string;
    notes: Generated<string>;
    resource_id: string;
    org_id: string;
    org_slug: string;
    license_id: string;
    tags: string[];
    groups: string[];
    formats: Generated<string[]>;
    open_type: 'unconditional' | 'conditional';
    update_cycle: string;
    search_text: Generated<string>;
    state: Generated<'active' | 'deleted'>;
    views: Generated<number>;
    downloads: Generated<number>;
    created_at: Generated<Date>;
    modified_at: Generated<Date>;
    created_by: string | null;
  };
  open_distribution: {
    id: string;
    dataset_id: string;
    position: number;
    name: string;
    description: Generated<string>;
    format: 'CSV' | 'JSON' | 'GeoJSON';
    kind: 'file' | 'datastore';
    file_id: string | null;
    sm3: string | null;
    size: number | string | null;
    fields: Generated<DatastoreField[]>;
    downloads: Generated<number>;
    created_at: Generated<Date>;
    modified_at: Generated<Date>;
  };
  open_datastore_row: { distribution_id: string; row_no: number; record: Record<string, unknown> };
  open_agreement: { account_id: string; dataset_id: string; accepted_at: Generated<Date>; ip: string | null };
}

export type CatalogDb = Kysely<CatalogTables>;
