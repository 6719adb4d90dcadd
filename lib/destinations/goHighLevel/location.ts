import type { TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../../transport';
import type { GhlConnection } from './connection';
import type { GhlRecord } from './types';

export async function getLocation(ctx: TransportContext, connection: GhlConnection, options?: CallOptions): Promise<GhlRecord> {
	const body = await callJson<{ location: GhlRecord }>(
		ctx,
		connection.profile,
		{ method: 'GET', path: `/locations/${encodeURIComponent(connection.locationId)}` },
		options,
	);
	return body.location ?? {};
}

/**
 * The location's "Allow Duplicate Contact" setting, which decides whether an upsert matches an
 * existing contact or always creates. Undefined when the location cannot be read (a token
 * without the locations scope): callers must then assume duplicates are allowed.
 */
export async function allowsDuplicateContacts(
	ctx: TransportContext,
	connection: GhlConnection,
	options?: CallOptions,
): Promise<boolean | undefined> {
	try {
		const settings = (await getLocation(ctx, connection, options)).settings as { allowDuplicateContact?: unknown } | undefined;
		return typeof settings?.allowDuplicateContact === 'boolean' ? settings.allowDuplicateContact : undefined;
	} catch {
		return undefined;
	}
}
