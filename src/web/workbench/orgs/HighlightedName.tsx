import { normalizeQuery } from './treeData';

/** The name with the first occurrence of the query marked. */
export function HighlightedName({ name, query }: { name: string; query: string }) {
  const q = normalizeQuery(query);
  const at = q === '' ? -1 : name.toLowerCase().indexOf(q);
  if (at < 0) return <>{name}</>;
  return (
    <>
      {name.slice(0, at)}
      <mark className="org-tree-mark">{name.slice(at, at + q.length)}</mark>
      {name.slice(at + q.length)}
    </>
  );
}
