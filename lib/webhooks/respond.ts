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

/** One execution with the verified call. */
export function accept(json: IDataObject): IWebhookResponseData {
	return { workflowData: [[{ json }]] };
}
