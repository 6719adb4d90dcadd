import type { TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../../transport';
import type { GhlConnection } from './connection';
import { recordsOf } from './contacts';
import type { GhlRecord } from './types';

/** `NotesDTO`: the body is required; `userId` names the HighLevel user the note is by. */
export interface GhlNoteFields {
	body: string;
	userId?: string;
}

const notesPath = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}/notes`;

/** HighLevel answers every note of the contact at once: the route has no paging. */
export async function listNotes(
	ctx: TransportContext,
	connection: GhlConnection,
	contactId: string,
	options?: CallOptions,
): Promise<GhlRecord[]> {
	const body = await callJson<{ notes: unknown }>(ctx, connection.profile, { method: 'GET', path: notesPath(contactId) }, options);
	return recordsOf(body.notes);
}

/** A plain create: a lost answer is not sent again, which would add the note twice. */
export async function createNote(
	ctx: TransportContext,
	connection: GhlConnection,
	contactId: string,
	fields: GhlNoteFields,
	options?: CallOptions,
): Promise<GhlRecord> {
	const body = await callJson<{ note: GhlRecord }>(
		ctx,
		connection.profile,
		{ method: 'POST', path: notesPath(contactId), body: { ...fields } },
		options,
	);
	return body.note ?? {};
}
