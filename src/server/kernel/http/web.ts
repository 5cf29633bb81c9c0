import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Paths that belong to APIs: never answered with the web page. */
const apiPrefixes = ['/api/', '/open311/', '/fhir/', '/ngsi-ld/', '/healthz', '/readyz', '/metrics'];

export function isApiPath(url: string): boolean {
  return apiPrefixes.some((p) => url.startsWith(p)) || url === '/api';
}

/** Serves the built front end; unknown non-API GETs get index.html (client-side routes /, /work, /command). */
export async function installWeb(app: FastifyInstance, webRoot: string): Promise<boolean> {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    app.log.warn({ webRoot }, 'web app not built: run `npm run build` (the API still works)');
    return false;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders: (res, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
