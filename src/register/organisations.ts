/** Organisations (tenants): create and look up. `private_contact` never leaves this module's callers' trust. */
import type { Knex } from 'knex';
import { BadRequestError, ConflictError, NotFoundError } from '../errors/errors';
import type { OrganisationInput } from './profile-types';
import { createProfileAjv, schemaIssues, validatorFor } from './schemas';
import type { Vocabularies } from './vocabularies/lookup';

export interface Organisation {
  id: number;
  slug: string;
  name: string;
  kind: OrganisationInput['kind'];
  code: string | null;
  website: string | null;
  publicEmail: string | null;
}

const validate = validatorFor(createProfileAjv(), 'organisation.schema.json');

const PUBLIC_COLUMNS = ['id', 'slug', 'name', 'kind', 'code', 'website', 'public_email as publicEmail'];

/** Validates and inserts an organisation; logs the creation. */
export async function createOrganisation(
  knex: Knex,
  input: OrganisationInput,
  vocabularies: Vocabularies,
  actor: string,
): Promise<Organisation> {
  if (!validate(input)) {
    const issues = schemaIssues(validate.errors);
    throw new BadRequestError(issues.map((issue) => `${issue.field} ${issue.reason}`).join('; '), { issues });
  }
  if (input.publicEmail && !vocabularies.isAllowedPublicEmail(input.publicEmail)) {
    throw new BadRequestError(
      `publicEmail '${input.publicEmail}' is not a role mailbox (allowed: info@, sensor@, privacy@, … — see the public e-mail patterns)`,
    );
  }
  return knex.transaction(async (trx) => {
    const existing = await trx('organisations').where({ slug: input.slug }).first('id');
    if (existing) throw new ConflictError(`an organisation with slug '${input.slug}' already exists`);
    const [row] = await trx('organisations')
      .insert({
        slug: input.slug,
        name: input.name,
        kind: input.kind,
        code: input.code ?? null,
        website: input.website ?? null,
        public_email: input.publicEmail ?? null,
        private_contact: input.privateContact ?? null,
      })
      .returning(PUBLIC_COLUMNS);
    const organisation = { ...row, id: Number(row.id) } as Organisation;
    await trx('change_log').insert({
      actor,
      organisation_id: organisation.id,
      entity_type: 'Organisation',
      entity_id: organisation.id,
      action: 'create',
      after: JSON.stringify(organisation),
    });
    return organisation;
  });
}

/** The organisation with this slug, or a 404 error. */
export async function organisationBySlug(knex: Knex, slug: string): Promise<Organisation> {
  const row = await knex('organisations').where({ slug }).first(PUBLIC_COLUMNS);
  if (!row) throw new NotFoundError(`no organisation with slug '${slug}'`);
  return { ...row, id: Number(row.id) } as Organisation;
}
