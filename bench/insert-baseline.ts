// Baseline for write figures: a bare Fastify route that INSERTs one row per request, on the same database.
import Fastify from 'fastify';
import pg from 'pg';
import { randomUUID } from 'node:crypto';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
await pool.query('CREATE TABLE IF NOT EXISTS bench_insert (id uuid PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
const app = Fastify({ logger: false });
app.post('/insert', async (request) => {
  const id = randomUUID();
  await pool.query('INSERT INTO bench_insert (id, body) VALUES ($1, $2)', [id, JSON.stringify(request.body)]);
  return { id };
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`READY ${address}\n`);
