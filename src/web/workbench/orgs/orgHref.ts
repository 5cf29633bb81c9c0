/** Link to the organisation page with one organisation selected. */
export function orgHref(id: string): string {
  return `/work/orgs?id=${encodeURIComponent(id)}`;
}
