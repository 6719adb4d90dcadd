import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { HALO_MAX_PAGE_SIZE, listPage } from '../../../lib/destinations/haloPsa';
import type { HaloEntity, HaloRecord } from '../../../lib/destinations/haloPsa';

interface SearchedList {
	entity: HaloEntity;
	/** How an entry reads in the list: enough to tell two records of the same name apart. */
	name(record: HaloRecord): string;
}

/** A kind of record a parameter points at. */
interface RecordKind {
	/** The lists From List searches; an action's ticket may be a ticket or an opportunity. */
	lists: SearchedList[];
	/**
	 * Where HaloPSA's agent web app shows the record, after the instance's address, the id the only
	 * group: as a public Halo browser extension builds these addresses (alexwennekes212/haloplus,
	 * `content/content-script.js`, ROUTES); `/ticket?id=` also appears in public clients. HaloPSA
	 * documents none.
	 */
	url?: { pattern: string; example: string };
	/** The dropdown version 1 offered for this field; without one it was a number. */
	legacyOptions?: string;
}

const detailed =
	(title: (record: HaloRecord) => string, ...details: string[]) =>
	(record: HaloRecord): string => {
		const shown = details.map((field) => record[field]).filter((value) => value !== undefined && value !== null && value !== '');
		return shown.length > 0 ? `${title(record)} (${shown.join(', ')})` : title(record);
	};
const numbered = (field: string) => (record: HaloRecord) => `#${String(record.id)} ${String(record[field] ?? '')}`.trim();
const summarized = numbered('summary');
const TICKET_URL = { pattern: 'tickets?\\?(?:[^#\\s]*&)?id=(\\d+)', example: 'tickets?id=123' };

export const RECORD_KINDS = {
	client: {
		lists: [{ entity: 'Client', name: (record) => String(record.name) }],
		url: { pattern: 'customers\\?(?:[^#\\s]*&)?clientid=(\\d+)', example: 'customers?clientid=12' },
		legacyOptions: 'getClients',
	},
	site: {
		lists: [{ entity: 'Site', name: detailed((record) => String(record.name), 'client_name') }],
		url: { pattern: 'customers\\?(?:[^#\\s]*&)?siteid=(\\d+)', example: 'customers?mainview=site&siteid=34' },
	},
	user: {
		lists: [{ entity: 'Users', name: detailed((record) => String(record.name), 'emailaddress', 'client_name') }],
		url: { pattern: 'customers\\?(?:[^#\\s]*&)?userid=(\\d+)', example: 'customers?mainview=user&userid=56' },
	},
	ticket: { lists: [{ entity: 'Tickets', name: summarized }], url: TICKET_URL },
	opportunity: { lists: [{ entity: 'Opportunities', name: summarized }], url: TICKET_URL },
	ticketOrOpportunity: {
		lists: [
			{ entity: 'Tickets', name: (record) => `Ticket ${summarized(record)}` },
			{ entity: 'Opportunities', name: (record) => `Opportunity ${summarized(record)}` },
		],
		url: TICKET_URL,
	},
	quote: { lists: [{ entity: 'Quotation', name: detailed(numbered('title'), 'client_name') }] },
	asset: {
		lists: [
			{
				entity: 'Asset',
				name: detailed((record) => String(record.inventory_number ?? record.key_field ?? `#${String(record.id)}`), 'client_name'),
			},
		],
		url: { pattern: 'assets\\?(?:[^#\\s]*&)?id=(\\d+)', example: 'assets?id=78' },
	},
	contract: { lists: [{ entity: 'ClientContract', name: detailed(numbered('ref'), 'client_name') }] },
	appointment: { lists: [{ entity: 'Appointment', name: detailed((record) => String(record.subject), 'start_date') }] },
} satisfies Record<string, RecordKind>;

export type RecordKindName = keyof typeof RECORD_KINDS;

const kindOf = (kind: RecordKindName): RecordKind => RECORD_KINDS[kind];

const searchMethodOf = (kind: RecordKindName) => `search${kind[0].toUpperCase()}${kind.slice(1)}`;

/** The instance's address, hosted or on-premise (which may sit under a path), before HaloPSA's own path. */
const INSTANCE = '^https?://[^\\s?#]+/';

export function recordLocator(
	kind: RecordKindName,
	property: { displayName: string; name: string; description?: string; required?: boolean },
): INodeProperties {
	const { url } = kindOf(kind);
	const address = url && `${INSTANCE}${url.pattern}`;
	const locator: INodeProperties = {
		...property,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: searchMethodOf(kind), searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A HaloPSA ID is a whole number' } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. https://yourcompany.halopsa.com/${url?.example ?? ''}`,
				validation: [
					{ type: 'regex', properties: { regex: address ?? '', errorMessage: `Not a HaloPSA address like .../${url?.example ?? ''}` } },
				],
				extractValue: { type: 'regex', regex: address ?? '' },
			},
		],
	};
	// A record shown at no address a public source gives has no By URL mode.
	return address ? locator : { ...locator, modes: locator.modes?.filter((mode) => mode.name !== 'url') };
}

/** Version 1's field for the same parameter: a dropdown where it had one, else a number. */
export function legacyField(
	kind: RecordKindName,
	property: { displayName: string; name: string; description?: string; required?: boolean },
): INodeProperties {
	const { legacyOptions } = kindOf(kind);
	if (!legacyOptions) return { ...property, displayName: `${property.displayName} ID`, type: 'number', default: 0 };
	const choose = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';
	return {
		...property,
		displayName: `${property.displayName} Name or ID`,
		type: 'options',
		typeOptions: { loadOptionsMethod: legacyOptions },
		default: '',
		description: `${property.description ?? ''} ${choose}`.trim(),
	};
}

/** One page of each list (HaloPSA's own `search`); the token is the next page while any list has more. */
async function search(ctx: ILoadOptionsFunctions, kind: RecordKindName, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const pageNo = Number(token ?? 1);
	const filters = filter ? { search: filter } : {};
	const pages = await Promise.all(
		kindOf(kind).lists.map(async (list) => ({ list, page: await listPage(ctx, list.entity, filters, pageNo, HALO_MAX_PAGE_SIZE) })),
	);
	const results = pages.flatMap(({ list, page }) =>
		page.records.filter((record) => record.id !== undefined).map((record) => ({ name: list.name(record), value: record.id as number })),
	);
	const more = pages.some(({ page }) => page.records.length === HALO_MAX_PAGE_SIZE && pageNo * HALO_MAX_PAGE_SIZE < page.total);
	return { results, paginationToken: more ? String(pageNo + 1) : undefined };
}

type ListSearch = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

/** The From List search of every kind of record, by the method name its locators name. */
export const listSearch: Record<string, ListSearch> = Object.fromEntries(
	(Object.keys(RECORD_KINDS) as RecordKindName[]).map((kind): [string, ListSearch] => [
		searchMethodOf(kind),
		async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
			return await search(this, kind, filter, paginationToken);
		},
	]),
);
