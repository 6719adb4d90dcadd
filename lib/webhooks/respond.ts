import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { Refused } from '../signatures';

interface ResponseLike {
	status(code: number): { json(body: unknown): unknown };
}

/**
 * Answers a refused request itself (401, or 400 when it could not be read) and starts nothing:
 * without `workflowData` n8n runs no execution, and `noWebhookResponse` stops it from answering
 * a second time. The reason is short and never echoes a secret.
 */
export function refuse(ctx: IWebhookFunctions, refused: Refused): IWebhookResponseData {
	ctx.logger.debug(`${ctx.getNode().name}: refused a webhook call (${refused.status}): ${refused.reason}`);
	(ctx.getResponseObject() as unknown as ResponseLike).status(refused.status).json({ error: refused.reason });
	return { noWebhookResponse: true };
}

/** A genuine call for an event the node does not listen to: 200 so the sender does not retry, no execution. */
export function ignore(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, ignored: reason } };
}

/**
 * One execution with the verified call, answered with n8n's own "Workflow was started". The node
 * answers itself because n8n saves a webhook's static data (the replay ids) when the answer is
 * given: left to n8n, the answer comes after the execution is started, and starting it clears the
 * static data's changed flag, so every id after a trigger's first would never reach the database.
 */
export function accept(ctx: IWebhookFunctions, json: IDataObject): IWebhookResponseData {
	(ctx.getResponseObject() as unknown as ResponseLike).status(200).json({ message: 'Workflow was started' });
	return { noWebhookResponse: true, workflowData: [[{ json }]] };
}
