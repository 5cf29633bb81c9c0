import type { Org } from '../../org';
import { mediaTypeOf, type PackageDict } from '../ckan/present';

/**
 * The open data catalogue in DCAT-AP (3): dcat:Catalog with title, description, publisher and its
 * datasets; each dcat:Dataset with title, description, publisher, keywords, themes, identifier,
 * issued/modified; each dcat:Distribution with accessURL (mandatory), downloadURL, format,
 * media type and licence. One graph, written as JSON-LD or Turtle.
 */
const ns = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
};

type Term = { iri: string } | { lit: string; lang?: string; type?: string };
interface Triple { s: string; p: string; o: Term }

const iri = (v: string): Term => ({ iri: v });
const zh = (v: string): Term => ({ lit: v, lang: 'zh' });
const typed = (v: string, t: string): Term => ({ lit: v, type: t });
const dateTime = (ckan: string) => typed(`${ckan.slice(0, 19)}Z`, `${ns.xsd}dateTime`);
const formatIri = (f: string) => `http://publications.europa.eu/resource/authority/file-type/${f === 'GeoJSON' ? 'GEOJSON' : f}`;

export function catalogTriples(base: string, datasets: PackageDict[], root: Org | undefined): Triple[] {
  const t: Triple[] = [];
  const catalog = `${base}/catalog`;
  const publisherOf = (id: string) => `${base}/organization/${id}`;
  const add = (s: string, p: string, o: Term) => t.push({ s, p, o });
  add(catalog, `${ns.rdf}type`, iri(`${ns.dcat}Catalog`));
  add(catalog, `${ns.dct}title`, zh('智慧永川 · 公共数据开放目录'));
  add(catalog, `${ns.dct}description`, zh('重庆市永川区公共数据开放平台的数据集目录（演示数据）。'));
  add(catalog, `${ns.foaf}homepage`, iri(`${base}/opendata`));
  add(catalog, `${ns.dct}language`, iri('http://publications.europa.eu/resource/authority/language/ZHO'));
  const rootPublisher = publisherOf(root?.id ?? 'district');
  add(catalog, `${ns.dct}publisher`, iri(rootPublisher));
  add(rootPublisher, `${ns.rdf}type`, iri(`${ns.foaf}Agent`));
  add(rootPublisher, `${ns.foaf}name`, zh(root?.name ?? '重庆市永川区'));
  const seenOrgs = new Set<string>();
  for (const d of datasets) {
    const ds = `${base}/dataset/${d.id}`;
    add(catalog, `${ns.dcat}dataset`, iri(ds));
    add(ds, `${ns.rdf}type`, iri(`${ns.dcat}Dataset`));
    add(ds, `${ns.dct}title`, zh(d.title));
    add(ds, `${ns.dct}description`, zh(d.notes || d.title));
    add(ds, `${ns.dct}identifier`, { lit: d.id });
    add(ds, `${ns.dcat}landingPage`, iri(`${base}/opendata/dataset/${d.name}`));
    add(ds, `${ns.dct}issued`, dateTime(d.metadata_created));
    add(ds, `${ns.dct}modified`, dateTime(d.metadata_modified));
    for (const tag of d.tags) add(ds, `${ns.dcat}keyword`, zh(tag.name));
    for (const g of d.groups) add(ds, `${ns.dcat}theme`, iri(`${base}/group/${g.name}`));
    if (d.organization) {
      const org = publisherOf(d.organization.id);
      add(ds, `${ns.dct}publisher`, iri(org));
      if (!seenOrgs.has(org)) {
        seenOrgs.add(org);
        add(org, `${ns.rdf}type`, iri(`${ns.foaf}Organization`));
        add(org, `${ns.foaf}name`, zh(d.organization.title));
      }
      const cp = `${ds}#contact`;
      add(ds, `${ns.dcat}contactPoint`, iri(cp));
      add(cp, `${ns.rdf}type`, iri(`${ns.vcard}Organization`));
      add(cp, `${ns.vcard}fn`, zh(d.organization.title));
    }
    for (const r of d.resources) {
      const dist = `${base}/dataset/${d.id}/resource/${r.id}`;
      add(ds, `${ns.dcat}distribution`, iri(dist));
      add(dist, `${ns.rdf}type`, iri(`${ns.dcat}Distribution`));
      add(dist, `${ns.dct}title`, zh(r.name));
      add(dist, `${ns.dcat}accessURL`, iri(`${base}/opendata/dataset/${d.name}`));
      add(dist, `${ns.dcat}downloadURL`, iri(r.url));
      add(dist, `${ns.dct}format`, iri(formatIri(r.format)));
      add(dist, `${ns.dcat}mediaType`, iri(`http://www.iana.org/assignments/media-types/${mediaTypeOf[r.format as keyof typeof mediaTypeOf]}`));
      if (d.license_url) add(dist, `${ns.dct}license`, iri(d.license_url.startsWith('/') ? `${base}${d.license_url}` : d.license_url));
      if (r.size !== null) add(dist, `${ns.dcat}byteSize`, typed(String(r.size), `${ns.xsd}nonNegativeInteger`));
    }
  }
  return t;
}

const escapeLit = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const escapeIri = (s: string) => s.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);

function shortName(v: string): string {
  for (const [prefix, uri] of Object.entries(ns)) if (v.startsWith(uri) && /^[A-Za-z][\w-]*$/.test(v.slice(uri.length))) return `${prefix}:${v.slice(uri.length)}`;
  return `<${escapeIri(v)}>`;
}

/** Turtle, subjects grouped, with the usual prefixes. */
export function toTurtle(triples: Triple[]): string {
  const lines = Object.entries(ns).map(([p, u]) => `@prefix ${p}: <${u}> .`);
  const bySubject = new Map<string, Triple[]>();
  for (const tr of triples) bySubject.set(tr.s, [...(bySubject.get(tr.s) ?? []), tr]);
  for (const [s, ts] of bySubject) {
    const body = ts.map((tr) => {
      const p = tr.p === `${ns.rdf}type` ? 'a' : shortName(tr.p);
      const o = 'iri' in tr.o ? shortName(tr.o.iri) : `"${escapeLit(tr.o.lit)}"${tr.o.lang ? `@${tr.o.lang}` : tr.o.type ? `^^${shortName(tr.o.type)}` : ''}`;
      return `    ${p} ${o}`;
    });
    lines.push('', `<${escapeIri(s)}>\n${body.join(' ;\n')} .`);
  }
  return `${lines.join('\n')}\n`;
}

/** JSON-LD (expanded IRIs under a compact @context), one node per subject in @graph. */
export function toJsonLd(triples: Triple[]): object {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const tr of triples) {
    const node = nodes.get(tr.s) ?? { '@id': tr.s };
    nodes.set(tr.s, node);
    const key = tr.p === `${ns.rdf}type` ? '@type' : shortName(tr.p);
    const value = tr.p === `${ns.rdf}type` && 'iri' in tr.o ? shortName(tr.o.iri) : 'iri' in tr.o ? { '@id': tr.o.iri } : tr.o.lang ? { '@value': tr.o.lit, '@language': tr.o.lang } : tr.o.type ? { '@value': tr.o.lit, '@type': shortName(tr.o.type) } : tr.o.lit;
    const prev = node[key];
    node[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  const { rdf: _rdf, ...context } = ns;
  return { '@context': context, '@graph': [...nodes.values()] };
}
