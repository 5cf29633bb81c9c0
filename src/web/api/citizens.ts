import { api } from './client';
import type { paths } from './schema';
import { unwrap } from './unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** A citizen as the lookup returns it: masked unless revealed. */
export type Citizen = JsonOf<paths['/api/v1/citizens']['get']['responses'][200]>['items'][number];
export type CitizenQuery = NonNullable<paths['/api/v1/citizens']['get']['parameters']['query']>;

/** Finds citizens by ID number or mobile number; values come back masked. */
export const findCitizens = async (query: CitizenQuery) => (await unwrap(api.GET('/api/v1/citizens', { params: { query } }))).items;

/** The unmasked values; the server records every reveal with its reason. */
export const revealCitizen = (id: string, reason: string) =>
  unwrap(api.POST('/api/v1/citizens/{id}/reveal', { params: { path: { id } }, body: { reason } }));
