/**
 * HighLevel's two search styles: contacts by POST body with filters and `searchAfter` cursors (or page
 * numbers up to 10,000 records; `query` and filter values of at most 75 characters), opportunities by
 * query string with `startAfter`/`startAfterId`.
 */
import type { GhlContact, GhlOpportunity } from './gohighlevel-store';
import { validationError } from './gohighlevel-store';
import { isRecord, optNumber, optString } from './http-util';
import { matchesText, pageOf } from './paging';

type Cursor = [number, string];

const MAX_CONTACT_PAGE = 500;
const MAX_PAGED_RECORDS = 10_000;
const MAX_OPPORTUNITY_LIMIT = 100;
/** HighLevel's longest search `query` and filter value. */
const MAX_SEARCH_TEXT = 75;

/** class-validator's wording, counting characters rather than UTF-16 units. */
function refuseLongText(value: unknown, path: string): void {
	if (typeof value === 'string' && [...value].length > MAX_SEARCH_TEXT) {
		throw validationError([`${path} must be shorter than or equal to ${MAX_SEARCH_TEXT} characters`]);
	}
}

/** Oldest first, ties broken by id, so a cursor always points at one place. */
function sortByCursor<T extends { id: string }>(items: T[], time: (item: T) => string): Array<{ item: T; cursor: Cursor }> {
	return items
		.map((item) => ({ item, cursor: [Date.parse(time(item)), item.id] as Cursor }))
		.sort((a, b) => a.cursor[0] - b.cursor[0] || a.cursor[1].localeCompare(b.cursor[1]));
}

const isAfter = (cursor: Cursor, after: Cursor) =>
	cursor[0] > after[0] || (cursor[0] === after[0] && cursor[1].localeCompare(after[1]) > 0);

type Operator = 'eq' | 'not_eq' | 'contains' | 'not_contains' | 'exists' | 'not_exists';
const OPERATORS: Operator[] = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists'];

function filterTest(filter: unknown, index: number): (contact: GhlContact) => boolean {
	if (!isRecord(filter) || !optString(filter.field) || !OPERATORS.includes(filter.operator as Operator)) {
		throw validationError([`filters.${index} needs a field and an operator among ${OPERATORS.join(', ')}`]);
	}
	refuseLongText(filter.value, `filters.${index}.value`);
	const field = String(filter.field);
	const operator = filter.operator as Operator;
	const wanted = String(filter.value ?? '').toLowerCase();
	return (contact) => {
		const raw = contact[field];
		const values = (Array.isArray(raw) ? raw : raw === null || raw === undefined || raw === '' ? [] : [raw]).map((v) =>
			String(v).toLowerCase(),
		);
		switch (operator) {
			case 'eq':
				return values.includes(wanted);
			case 'not_eq':
				return !values.includes(wanted);
			case 'contains':
				return values.some((v) => v.includes(wanted));
			case 'not_contains':
				return !values.some((v) => v.includes(wanted));
			case 'exists':
				return values.length > 0;
			case 'not_exists':
				return values.length === 0;
		}
	};
}

export function searchContacts(contacts: GhlContact[], body: Record<string, unknown>): { contacts: unknown[]; total: number } {
	const pageLimit = body.pageLimit === undefined ? 20 : optNumber(body.pageLimit);
	if (pageLimit === undefined || !Number.isInteger(pageLimit) || pageLimit < 1 || pageLimit > MAX_CONTACT_PAGE) {
		throw validationError([`pageLimit must be an integer from 1 to ${MAX_CONTACT_PAGE}`]);
	}
	const page = optNumber(body.page) ?? 1;
	const searchAfter = body.searchAfter;
	if (searchAfter !== undefined && !(Array.isArray(searchAfter) && searchAfter.length === 2)) {
		throw validationError(['searchAfter must be the [number, string] pair of the last contact seen']);
	}
	if (searchAfter === undefined && page * pageLimit > MAX_PAGED_RECORDS) {
		throw validationError([`page * pageLimit must not exceed ${MAX_PAGED_RECORDS}: use searchAfter to go further`]);
	}
	const filters = Array.isArray(body.filters) ? body.filters.map(filterTest) : [];
	refuseLongText(body.query, 'query');
	const query = optString(body.query);
	const matching = sortByCursor(contacts, (c) => c.dateAdded).filter(
		({ item }) =>
			filters.every((test) => test(item)) &&
			matchesText([item.firstName, item.lastName, item.name, item.email, item.phone, item.companyName], query),
	);
	const after = searchAfter as Cursor | undefined;
	const visible = after
		? matching.filter(({ cursor }) => isAfter(cursor, [Number(after[0]), String(after[1])])).slice(0, pageLimit)
		: pageOf(matching, page, pageLimit);
	return { contacts: visible.map(({ item, cursor }) => ({ ...item, searchAfter: cursor })), total: matching.length };
}

/** `baseUrl` is the API's own base, for `meta.nextPageUrl`. */
export function searchOpportunities(opportunities: GhlOpportunity[], query: URLSearchParams, baseUrl: string): Record<string, unknown> {
	const limit = optNumber(query.get('limit')) ?? 20;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_OPPORTUNITY_LIMIT) {
		throw validationError([`limit must be an integer from 1 to ${MAX_OPPORTUNITY_LIMIT}`]);
	}
	const page = optNumber(query.get('page')) ?? 1;
	const status = query.get('status');
	const equal = [
		['pipeline_id', 'pipelineId'],
		['pipeline_stage_id', 'pipelineStageId'],
		['contact_id', 'contactId'],
		['assigned_to', 'assignedTo'],
	] as const;
	const matching = sortByCursor(opportunities, (o) => o.createdAt).filter(
		({ item }) =>
			equal.every(([param, field]) => !query.has(param) || item[field] === query.get(param)) &&
			(!status || status === 'all' || item.status === status) &&
			matchesText([item.name], query.get('q') ?? undefined),
	);
	const startAfter = optNumber(query.get('startAfter'));
	const startAfterId = query.get('startAfterId');
	const visible =
		startAfter !== undefined && startAfterId
			? matching.filter(({ cursor }) => isAfter(cursor, [startAfter, startAfterId])).slice(0, limit)
			: pageOf(matching, page, limit);
	const last = visible.at(-1);
	const hasMore = last !== undefined && matching.some(({ cursor }) => isAfter(cursor, last.cursor));
	const next = new URLSearchParams(query);
	if (last) {
		next.set('startAfter', String(last.cursor[0]));
		next.set('startAfterId', last.cursor[1]);
	}
	return {
		opportunities: visible.map(({ item }) => item),
		meta: {
			total: matching.length,
			currentPage: page,
			nextPage: hasMore ? page + 1 : null,
			prevPage: page > 1 ? page - 1 : null,
			startAfterId: hasMore ? last.cursor[1] : null,
			startAfter: hasMore ? last.cursor[0] : null,
			nextPageUrl: hasMore ? `${baseUrl}/opportunities/search?${next.toString()}` : null,
		},
	};
}
