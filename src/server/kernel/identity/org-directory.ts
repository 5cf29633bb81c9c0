/**
 * What the identity kernel needs to know about organisations, provided at
 * start-up by the org module (the kernel never imports a module).
 */
export interface OrgDirectory {
  /** ancestors and itself, root first; null if there is no such organisation */
  pathOf(orgId: string): Promise<string[] | null>;
  rootId(): Promise<string>;
}
