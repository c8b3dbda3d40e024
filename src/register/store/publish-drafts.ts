/**
 * Publishing an organisation's drafts (DESIGN.md "Publication": a Thing is a draft until its organisation
 * publishes it): all of them, or those with the given references — all or nothing, each change logged.
 */
import type { Knex } from 'knex';
import { NotFoundError } from '../../errors/errors';
import { toPgArray } from './pg-array';

/** Which drafts to publish: every one, or those with these references. */
export type DraftSelection = { all: true } | { references: readonly string[] };

/** Publishes the selected drafts of `organisationId`; returns how many. Unknown references publish nothing. */
export async function publishDrafts(knex: Knex, organisationId: number, selection: DraftSelection, actor: string): Promise<number> {
  return knex.transaction(async (trx) => {
    // The named Things in any state (to say why one is not a draft), or every draft.
    const query = trx('things').where({ organisation_id: organisationId });
    if ('references' in selection) query.whereRaw(`properties->>'reference' = ANY(?::text[])`, [toPgArray(selection.references)]);
    else query.where({ publication: 'draft' });
    const found: Array<{ id: number; reference: string | null; publication: string }> = await query
      .select('id', trx.raw(`properties->>'reference' AS reference`), 'publication')
      .forUpdate();
    const rows = found.filter((row) => row.publication === 'draft');
    if ('references' in selection) {
      const drafts = new Set(rows.map((row) => row.reference));
      const state = new Map(found.map((row) => [row.reference, row.publication]));
      const missing = selection.references.filter((reference) => !drafts.has(reference));
      if (missing.length > 0) {
        const named = missing.map((reference) => `${JSON.stringify(reference)}${state.has(reference) ? ` (${state.get(reference)})` : ''}`);
        throw new NotFoundError(`no draft with reference ${named.join(', ')}; nothing was published`);
      }
    }
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => Number(row.id));
    await trx('things').whereIn('id', ids).update({ publication: 'published' });
    await trx('change_log').insert(
      ids.map((id) => ({
        actor,
        organisation_id: organisationId,
        entity_type: 'Thing',
        entity_id: id,
        action: 'update',
        before: { publication: 'draft' },
        after: { publication: 'published' },
      })),
    );
    return ids.length;
  });
}
