// The baseline of the same run: a bare Fastify hello-world with default settings.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ status: 'ok' }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`READY ${address}\n`);
