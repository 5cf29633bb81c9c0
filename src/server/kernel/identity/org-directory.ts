/**
 * What the identity kernel needs to know about organisations, provided at
 * start-up by the org module (the kernel never imports a module).
 */
export interface OrgDirectory {
  /**
   * ancestors and itself, root first; null if there is no such organisation. Inside a transaction,
   * pass it (`within`): the read then uses the transaction's connection instead of taking a second
   * one from the pool, which could wait forever once every connection is held by a transaction
   * waiting for one.
   */
  pathOf(orgId: string, within?: unknown): Promise<string[] | null>;
  rootId(): Promise<string>;
}
