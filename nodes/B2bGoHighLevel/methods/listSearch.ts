import { NodeOperationError } from 'n8n-workflow';
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchContactsPage, searchTextProblem } from '../../../lib/destinations/goHighLevel';
import type { GhlRecord } from '../../../lib/destinations/goHighLevel';
import { connection } from './connection';

const SEARCH_PAGE = 100;

const present = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** "Ada Lovelace (ada@example.com)": the name and how to reach the contact, as HighLevel's own list shows them. */
function contactLabel(contact: GhlRecord): string {
	const name = [contact.name, [contact.firstName, contact.lastName].filter(present).join(' ')].find(present);
	const reach = [contact.email, contact.phone].find(present);
	if (name !== undefined && reach !== undefined) return `${name} (${reach})`;
	return name ?? reach ?? String(contact.id);
}

/**
 * The Contact locator's list: HighLevel's contact search on the typed text (names, emails, phones,
 * companies), a page of 100 at a time on its `searchAfter` cursor.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const query = present(filter) ? filter.trim() : undefined;
	const problem = searchTextProblem('search', query);
	if (problem) throw new NodeOperationError(this.getNode(), `GoHighLevel: ${problem.message}`);
	const after = present(paginationToken) ? (JSON.parse(paginationToken) as unknown) : undefined;
	const page = await searchContactsPage(this, await connection(this), { query }, SEARCH_PAGE, after);
	return {
		results: page.contacts.map((contact) => ({ name: contactLabel(contact), value: String(contact.id) })),
		paginationToken: page.contacts.length === SEARCH_PAGE && page.next !== undefined ? JSON.stringify(page.next) : undefined,
	};
}
