import type { FastifyReply, FastifyRequest } from 'fastify';
import { toXml, type Doc } from './xml';

/** XML is the required format; JSON the optional one (both offered, see discovery). */
export type Format = 'xml' | 'json';

export const contentTypes: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function isFormat(value: unknown): value is Format {
  return value === 'xml' || value === 'json';
}

/**
 * The format a request asked for: its `.{format}` suffix. Also used for errors before or
 * without a matched route, where an unknown suffix falls back to XML, the required format.
 */
export function formatOf(request: FastifyRequest): Format {
  const param = (request.params as { format?: unknown } | undefined)?.format;
  if (isFormat(param)) return param;
  const path = request.url.split('?')[0] ?? '';
  return /\.json$/i.test(path) ? 'json' : 'xml';
}

/** Sends a document in the request's format: `root` names the XML root, JSON drops it (Spark). */
export function sendDoc(reply: FastifyReply, format: Format, root: string, doc: Doc, status = 200): FastifyReply {
  const body = format === 'json' ? JSON.stringify(doc) : toXml(root, doc);
  return reply.code(status).header('content-type', contentTypes[format]).send(body);
}
