import type { TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../../transport';
import type { GhlConnection } from './connection';
import { recordsOf } from './contacts';

export interface GhlWorkflow {
	id: string;
	name: string;
	/** `published` or `draft`. */
	status?: string;
}

export async function listWorkflows(ctx: TransportContext, connection: GhlConnection, options?: CallOptions): Promise<GhlWorkflow[]> {
	const body = await callJson<{ workflows: unknown }>(
		ctx,
		connection.profile,
		{ method: 'GET', path: '/workflows/', qs: { locationId: connection.locationId } },
		options,
	);
	return recordsOf(body.workflows).map((workflow) => ({
		id: String(workflow.id),
		name: String(workflow.name ?? workflow.id),
		status: typeof workflow.status === 'string' ? workflow.status : undefined,
	}));
}

const enrollmentPath = (contactId: string, workflowId: string) =>
	`/contacts/${encodeURIComponent(contactId)}/workflow/${encodeURIComponent(workflowId)}`;

/**
 * `CreateWorkflowDto`: only `eventStartTime`, the time the workflow's event-based steps count from.
 * Not sent again after a lost answer: whether HighLevel enrolls the contact twice depends on the
 * workflow's re-entry setting.
 */
export async function addContactToWorkflow(
	ctx: TransportContext,
	connection: GhlConnection,
	contactId: string,
	workflowId: string,
	eventStartTime?: string,
	options?: CallOptions,
): Promise<void> {
	const body = eventStartTime === undefined ? {} : { eventStartTime };
	await callJson(ctx, connection.profile, { method: 'POST', path: enrollmentPath(contactId, workflowId), body }, options);
}

/** HighLevel documents the same (empty here) body for the removal. */
export async function removeContactFromWorkflow(
	ctx: TransportContext,
	connection: GhlConnection,
	contactId: string,
	workflowId: string,
	options?: CallOptions,
): Promise<void> {
	await callJson(ctx, connection.profile, { method: 'DELETE', path: enrollmentPath(contactId, workflowId), body: {} }, options);
}
