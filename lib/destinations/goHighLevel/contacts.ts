import type { IDataObject } from 'n8n-workflow';

import type { InputProblem } from '../../normalize';
import type { TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../../transport';
import type { GhlConnection } from './connection';
import type { GhlContactSearch, GhlRecord, GhlUpsertResult } from './types';

/** HighLevel's largest contact search page. */
export const CONTACT_PAGE_LIMIT = 500;

/** HighLevel's longest contact search `query`, and its longest filter value. */
export const CONTACT_SEARCH_MAX_LENGTH = 75;

export function recordsOf(value: unknown): GhlRecord[] {
	return Array.isArray(value) ? value.filter((entry): entry is GhlRecord => entry !== null && typeof entry === 'object') : [];
}

const contactPath = (id: string) => `/contacts/${encodeURIComponent(id)}`;

/**
 * Creates or updates by email, then phone, as the location's "Allow Duplicate Contact" setting
 * decides. Repeating it after a lost answer is harmless only when duplicates are refused, so the
 * caller says whether it may be repeated.
 */
export async function upsertContact(
	ctx: TransportContext,
	connection: GhlConnection,
	fields: IDataObject,
	repeatable: boolean,
	options?: CallOptions,
): Promise<GhlUpsertResult> {
	const body = await callJson<GhlUpsertResult>(
		ctx,
		connection.profile,
		{ method: 'POST', path: '/contacts/upsert', body: { ...fields, locationId: connection.locationId }, idempotent: repeatable },
		options,
	);
	return { new: body.new === true, contact: body.contact ?? {}, ...(body.traceId !== undefined ? { traceId: body.traceId } : {}) };
}

export async function getContact(ctx: TransportContext, connection: GhlConnection, id: string, options?: CallOptions): Promise<GhlRecord> {
	const body = await callJson<{ contact: GhlRecord }>(ctx, connection.profile, { method: 'GET', path: contactPath(id) }, options);
	return body.contact ?? {};
}

/** HighLevel refuses `locationId` in an update body: the contact already belongs to one. */
export async function updateContact(
	ctx: TransportContext,
	connection: GhlConnection,
	id: string,
	fields: IDataObject,
	options?: CallOptions,
): Promise<GhlRecord> {
	const body = await callJson<{ contact: GhlRecord }>(
		ctx,
		connection.profile,
		{ method: 'PUT', path: contactPath(id), body: fields },
		options,
	);
	return body.contact ?? {};
}

export async function deleteContact(ctx: TransportContext, connection: GhlConnection, id: string, options?: CallOptions): Promise<void> {
	await callJson(ctx, connection.profile, { method: 'DELETE', path: contactPath(id) }, options);
}

/** Adding a tag the contact already has changes nothing, so a lost answer may be repeated. */
export async function addTags(
	ctx: TransportContext,
	connection: GhlConnection,
	id: string,
	tags: string[],
	options?: CallOptions,
): Promise<string[]> {
	const body = await callJson<{ tags: string[] }>(
		ctx,
		connection.profile,
		{ method: 'POST', path: `${contactPath(id)}/tags`, body: { tags }, idempotent: true },
		options,
	);
	return Array.isArray(body.tags) ? body.tags : [];
}

export async function removeTags(
	ctx: TransportContext,
	connection: GhlConnection,
	id: string,
	tags: string[],
	options?: CallOptions,
): Promise<string[]> {
	const body = await callJson<{ tags: string[] }>(
		ctx,
		connection.profile,
		{ method: 'DELETE', path: `${contactPath(id)}/tags`, body: { tags } },
		options,
	);
	return Array.isArray(body.tags) ? body.tags : [];
}

/**
 * A search text HighLevel would refuse: it takes a `query`, and each filter value, of at most 75
 * characters. `field` names where the text came from, for the message.
 */
export function searchTextProblem(field: string, value: string | undefined): InputProblem | undefined {
	if (value === undefined) return undefined;
	// Characters, as HighLevel's validation counts them, not UTF-16 units.
	const length = [...value].length;
	if (length <= CONTACT_SEARCH_MAX_LENGTH) return undefined;
	return {
		field,
		message: `the ${field} is ${length} characters long: HighLevel searches contacts by at most ${CONTACT_SEARCH_MAX_LENGTH}`,
	};
}

/** The first text of a search that HighLevel would refuse, named as HighLevel names it (`query`, `filters.0.value`). */
export function contactSearchProblem(search: GhlContactSearch): InputProblem | undefined {
	return (
		searchTextProblem('query', search.query) ??
		(search.filters ?? []).map((filter, index) => searchTextProblem(`filters.${index}.value`, filter.value)).find(Boolean)
	);
}

/** The cursor is how the next page is asked for, not part of the contact. */
function withoutCursor(contact: GhlRecord): GhlRecord {
	const copy = { ...contact };
	delete copy.searchAfter;
	return copy;
}

/** One page of a contact search, and the `searchAfter` cursor that asks for the page after it. */
export interface GhlContactPage {
	contacts: GhlRecord[];
	total?: number;
	next?: unknown;
}

/** One page of a search; a query or filter value longer than HighLevel takes is refused before anything is sent. */
export async function searchContactsPage(
	ctx: TransportContext,
	connection: GhlConnection,
	search: GhlContactSearch,
	pageLimit: number,
	searchAfter?: unknown,
	options?: CallOptions,
): Promise<GhlContactPage> {
	// Nodes check their own fields first, naming them; this keeps any other caller from sending a refused search.
	const problem = contactSearchProblem(search);
	if (problem) throw new RangeError(`GoHighLevel: ${problem.message}`);
	const body: IDataObject = { locationId: connection.locationId, pageLimit };
	if (search.query) body.query = search.query;
	if (search.filters?.length) body.filters = search.filters as unknown as IDataObject[];
	if (searchAfter !== undefined) body.searchAfter = searchAfter as IDataObject;
	const answer = await callJson<{ contacts: unknown; total: number }>(
		ctx,
		connection.profile,
		{ method: 'POST', path: '/contacts/search', body, idempotent: true },
		options,
	);
	const page = recordsOf(answer.contacts);
	return {
		contacts: page.map(withoutCursor),
		total: typeof answer.total === 'number' ? answer.total : undefined,
		next: page.at(-1)?.searchAfter,
	};
}

/**
 * Every contact matching the search (or the first `limit`), following HighLevel's `searchAfter`
 * cursor: page numbers stop at 10,000 records, the cursor does not. Stops on a short page, at the
 * reported total, or when no cursor comes back, so a search costs exactly the pages it needs.
 */
export async function searchContacts(
	ctx: TransportContext,
	connection: GhlConnection,
	search: GhlContactSearch,
	limit = Infinity,
	options?: CallOptions,
): Promise<GhlRecord[]> {
	const pageLimit = Math.max(1, Math.min(CONTACT_PAGE_LIMIT, limit));
	const found: GhlRecord[] = [];
	let searchAfter: unknown;
	for (;;) {
		const page = await searchContactsPage(ctx, connection, search, pageLimit, searchAfter, options);
		found.push(...page.contacts);
		searchAfter = page.next;
		if (found.length >= Math.min(limit, page.total ?? Infinity) || page.contacts.length < pageLimit || searchAfter === undefined) break;
	}
	return found.slice(0, limit);
}
