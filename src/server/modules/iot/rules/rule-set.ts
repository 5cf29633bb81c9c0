/**
 * The enabled alarm rules, held in memory per server copy and indexed by device type and
 * quantity, so that a reading no rule watches costs one map lookup. Freshness as for the device
 * registry: every rule change bumps `alarm_rule_version`; a lookup 2 s after the last check reads
 * that row and reloads when it moved; the copy that made the change reloads at once.
 */
import { sql } from 'kysely';
import type { IotDb, RuleKind, RuleParams, Severity } from '../store';

export interface Rule {
  id: string;
  name: string;
  typeCode: string;
  deviceId: string | null;
  quantity: string;
  kind: RuleKind;
  params: RuleParams;
  severity: Severity;
  caseClassCode: string | null;
}

export class RuleSet {
  private byTypeQuantity = new Map<string, Rule[]>();
  private types = new Set<string>();
  private all: Rule[] = [];
  private version = -1;
  private checkedAt = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly db: IotDb,
    private readonly checkEveryMs = 2000,
  ) {}

  /** The rules that watch this quantity of this device. */
  async rulesFor(typeCode: string, deviceId: string, quantity: string): Promise<readonly Rule[]> {
    await this.fresh();
    return this.current(typeCode, deviceId, quantity);
  }

  /** The same from the set as last loaded: for a batch, after one `refresh()`. */
  current(typeCode: string, deviceId: string, quantity: string): readonly Rule[] {
    const rules = this.byTypeQuantity.get(`${typeCode}/${quantity}`);
    if (!rules) return [];
    return rules.filter((r) => r.deviceId === null || r.deviceId === deviceId);
  }

  /** Reloads when the version moved (checked at most every 2 s). */
  refresh(): Promise<void> {
    return this.fresh();
  }

  /** Whether any rule watches a quantity of this type. */
  watchesType(typeCode: string): boolean {
    return this.types.has(typeCode);
  }

  /** Whether any rule watches this type at all (a cheap pre-check per batch). */
  async watches(typeCode: string): Promise<boolean> {
    await this.fresh();
    return this.all.some((r) => r.typeCode === typeCode);
  }

  async ofKind(kind: RuleKind): Promise<readonly Rule[]> {
    await this.fresh();
    return this.all.filter((r) => r.kind === kind);
  }

  /** This copy changed a rule: reload at the next lookup. */
  invalidate(): void {
    this.checkedAt = -Infinity;
    this.version = -1;
  }

  private async fresh(): Promise<void> {
    if (performance.now() - this.checkedAt < this.checkEveryMs) return;
    this.loading ??= this.reload().finally(() => (this.loading = null));
    await this.loading;
  }

  private async reload(): Promise<void> {
    const version = Number((await this.db.selectFrom('alarm_rule_version').select('version').executeTakeFirst())?.version ?? 0);
    this.checkedAt = performance.now();
    if (version === this.version) return;
    const rows = await this.db.selectFrom('alarm_rule').selectAll().where('enabled', '=', true).orderBy('created_at').execute();
    const all = rows.map((r): Rule => ({ id: r.id, name: r.name, typeCode: r.type_code, deviceId: r.device_id, quantity: r.quantity, kind: r.kind, params: r.params, severity: r.severity, caseClassCode: r.case_class_code }));
    const index = new Map<string, Rule[]>();
    for (const rule of all) {
      const key = `${rule.typeCode}/${rule.quantity}`;
      index.set(key, [...(index.get(key) ?? []), rule]);
    }
    this.all = all;
    this.byTypeQuantity = index;
    this.types = new Set(all.map((r) => r.typeCode));
    this.version = version;
  }
}

/** In the transaction of every rule change. */
export async function bumpRuleVersion(tx: IotDb): Promise<void> {
  await sql`INSERT INTO alarm_rule_version (id, version) VALUES (true, 1)
            ON CONFLICT (id) DO UPDATE SET version = alarm_rule_version.version + 1`.execute(tx);
}
