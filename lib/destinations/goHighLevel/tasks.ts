import type { TransportContext } from '../../transport';
import { callJson } from '../../transport';
import type { CallOptions } from '../../transport';
import type { GhlConnection } from './connection';
import { recordsOf } from './contacts';
import type { GhlRecord } from './types';

/** `CreateTaskParams` (title, dueDate and completed required) and `UpdateTaskBody` (all optional): the same properties. */
export interface GhlTaskFields {
	title?: string;
	body?: string;
	/** ISO 8601. */
	dueDate?: string;
	completed?: boolean;
	/** A HighLevel user ID. */
	assignedTo?: string;
}

const tasksPath = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}/tasks`;
const taskPath = (contactId: string, taskId: string) => `${tasksPath(contactId)}/${encodeURIComponent(taskId)}`;

/** HighLevel answers every task of the contact at once: the route has no paging. */
export async function listTasks(
	ctx: TransportContext,
	connection: GhlConnection,
	contactId: string,
	options?: CallOptions,
): Promise<GhlRecord[]> {
	const body = await callJson<{ tasks: unknown }>(ctx, connection.profile, { method: 'GET', path: tasksPath(contactId) }, options);
	return recordsOf(body.tasks);
}

/** A plain create: a lost answer is not sent again, which would make a second task. */
export async function createTask(
	ctx: TransportContext,
	connection: GhlConnection,
	contactId: string,
	fields: GhlTaskFields & Required<Pick<GhlTaskFields, 'title' | 'dueDate' | 'completed'>>,
	options?: CallOptions,
): Promise<GhlRecord> {
	const body = await callJson<{ task: GhlRecord }>(
		ctx,
		connection.profile,
		{ method: 'POST', path: tasksPath(contactId), body: { ...fields } },
		options,
	);
	return body.task ?? {};
}

export async function updateTask(
	ctx: TransportContext,
	connection: GhlConnection,
	contactId: string,
	taskId: string,
	fields: GhlTaskFields,
	options?: CallOptions,
): Promise<GhlRecord> {
	const body = await callJson<{ task: GhlRecord }>(
		ctx,
		connection.profile,
		{ method: 'PUT', path: taskPath(contactId, taskId), body: { ...fields } },
		options,
	);
	return body.task ?? {};
}

/** `PUT .../completed` with `UpdateTaskStatusParams`: `completed: false` reopens the task. */
export async function setTaskCompleted(
	ctx: TransportContext,
	connection: GhlConnection,
	contactId: string,
	taskId: string,
	completed: boolean,
	options?: CallOptions,
): Promise<GhlRecord> {
	const body = await callJson<{ task: GhlRecord }>(
		ctx,
		connection.profile,
		{ method: 'PUT', path: `${taskPath(contactId, taskId)}/completed`, body: { completed } },
		options,
	);
	return body.task ?? {};
}

export async function deleteTask(
	ctx: TransportContext,
	connection: GhlConnection,
	contactId: string,
	taskId: string,
	options?: CallOptions,
): Promise<void> {
	await callJson(ctx, connection.profile, { method: 'DELETE', path: taskPath(contactId, taskId) }, options);
}
