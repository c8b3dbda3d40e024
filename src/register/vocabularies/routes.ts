/**
 * Public read access to the vocabularies at `/api/v1/vocabularies/…`: the sensor types, themes and GDPR legal
 * grounds whose codes the register profile uses (also named in import error messages).
 */
import { Router } from 'express';
import type { Knex } from 'knex';
import { errorFormat } from '../../http/error-handler';
import { readOnly } from '../../http/public-reads';

const VOCABULARIES: Record<string, { table: string; columns: string[]; title: string }> = {
  'sensor-types': { table: 'sensor_types', columns: ['code', 'label_nl', 'label_en', 'broader', 'definition_nl', 'source'], title: 'Sensor types' },
  themes: { table: 'themes', columns: ['code', 'label_nl', 'label_en', 'source'], title: 'Themes' },
  'legal-grounds': { table: 'legal_grounds', columns: ['code', 'label_nl', 'label_en', 'gdpr_article'], title: 'Legal grounds (GDPR art. 6(1))' },
};

export function vocabulariesRouter(knex: Knex): Router {
  const router = Router({ strict: true });
  router.use(errorFormat('problem'));
  router.use(readOnly('API-Version', 'Accept'));
  router.use((_req, res, next) => {
    res.set('API-Version', '1.0.0');
    next();
  });
  router.get('/vocabularies', (_req, res) => {
    res.json({ vocabularies: Object.entries(VOCABULARIES).map(([id, { title }]) => ({ id, title, href: `vocabularies/${id}` })) });
  });
  for (const [id, vocabulary] of Object.entries(VOCABULARIES)) {
    router.get(`/vocabularies/${id}`, async (_req, res, next) => {
      try {
        const rows = await knex(vocabulary.table).select(vocabulary.columns).orderBy('code');
        res.set('Cache-Control', 'public, max-age=300').json({ id, title: vocabulary.title, values: rows });
      } catch (error) {
        next(error);
      }
    });
  }
  return router;
}
