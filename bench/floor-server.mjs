// The floor: a bare Fastify server with one route answering a small JSON document, the same size and
// shape as GET /api/v1/org/settings. Whatever Redress adds on top shows as the distance to this.
import { createRequire } from 'node:module';

// Fastify is a dependency of the server package: resolve it from there, so this is the same copy.
const require = createRequire(new URL('../packages/server/package.json', import.meta.url));
const { default: Fastify } = await import(require.resolve('fastify'));

const app = Fastify({ logger: false });
app.get('/small', async () => ({
  name: 'Redress',
  requireTotp: false,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
}));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ type: 'ready', url });

const stop = () => app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
