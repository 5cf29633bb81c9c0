/** Where a reported point lies: its unit grid and street, as the grid module finds it. */
export interface CaseLocation {
  unitGridCode: string | null;
  communityCode: string | null;
  streetCode: string | null;
  streetOrgId: string | null;
}

/** null: the point is outside the district. */
export type Locate = (lng: number, lat: number) => Promise<CaseLocation | null>;
