/** `GET /health`: liveness plus a database round trip; 503 when the database does not answer. */
import { Router } from 'express';
import type { Database } from '../db/connect';

export function healthRouter(db: Database): Router {
  const router = Router({ strict: true });
  router.get('/health', async (_req, res) => {
    const started = Date.now();
    try {
      await db.knex.raw('SELECT 1');
      res.json({ status: 'ok', database: { backend: db.backend, status: 'ok', ms: Date.now() - started } });
    } catch {
      res.status(503).json({ status: 'unavailable', database: { backend: db.backend, status: 'unavailable' } });
    }
  });
  return router;
}
