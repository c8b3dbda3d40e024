/** What a SensorThings read needs to know about its request. */
import type { Knex } from 'knex';
import type { Viewer } from '../register/publication';

export interface ReadContext {
  knex: Knex;
  viewer: Viewer;
  /** Absolute URL of the service root (`https://host/sta/v1.1`). */
  root: string;
  /** Builds the next-page URL of the request for a given `$skip`. */
  nextLink: (skip: number) => string;
  /** Most entities the response may hold, expanded ones included (see expand-size.ts). */
  maxResponseEntities: number;
}
