/** `text` with each occurrence of the query's terms marked (as the search matched them: any part of a word). */
export function Highlighted({ text, query }: { text: string; query: string }) {
  const terms = query
    .split(/[\s\p{P}]+/u)
    .filter(Boolean)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (terms.length === 0) return <>{text}</>;
  const parts = text.split(new RegExp(`(${terms.join('|')})`, 'gi'));
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}
    </>
  );
}
