import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { TriggerWorkflow } from './trigger-workflow';
import type { TriggerOptions } from './trigger-workflow';

export interface WebhookRequestSpec {
	/** The bytes on the wire, kept as `rawBody`. */
	body: Buffer | string;
	headers?: Record<string, string | string[]>;
	method?: string;
	/** The URL's query string as Express parses it. */
	query?: Record<string, string | string[]>;
}

/** What the trigger wrote to the response object. */
export interface RecordedResponse {
	statusCode?: number;
	body?: unknown;
	headers: Record<string, string>;
	sent: boolean;
}

export interface WebhookOutcome {
	result: IWebhookResponseData;
	response: RecordedResponse;
	/** The item n8n would start the execution with, when the call was accepted. */
	item?: IDataObject;
}

/** n8n reads the body of a version 2 webhook node itself only for these; any other stays unread. */
function readByN8n(contentType: string): boolean {
	return (
		['application/json', 'text/plain', 'application/x-www-form-urlencoded'].some((type) => contentType.startsWith(type)) ||
		contentType.endsWith('/xml') ||
		contentType.endsWith('+xml')
	);
}

/** n8n's body parser: `rawBody` is the exact bytes, `body` its own parse of them (which a trigger must not sign). */
function parsedAsN8nDoes(raw: Buffer, contentType: string): unknown {
	const text = raw.toString('utf8');
	try {
		if (contentType.startsWith('application/json')) return JSON.parse(text);
		if (contentType.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
	} catch {
		return {};
	}
	return text;
}

function recordingResponse(): { response: RecordedResponse; express: unknown } {
	const response: RecordedResponse = { headers: {}, sent: false };
	const express = {
		status(code: number) {
			response.statusCode = code;
			return express;
		},
		json(body: unknown) {
			response.body = body;
			response.sent = true;
			return express;
		},
		send(body: unknown) {
			response.body = body;
			response.sent = true;
			return express;
		},
		end() {
			response.sent = true;
			return express;
		},
		setHeader(name: string, value: string) {
			response.headers[name.toLowerCase()] = value;
			return express;
		},
		get headersSent() {
			return response.sent;
		},
	};
	return { response, express };
}

/**
 * A webhook trigger run by n8n-core's own contexts: `send` calls `webhook()` in a real
 * WebhookContext with a request as n8n's body parser leaves it, and `lifecycle` runs the
 * webhook methods in a real HookContext, as activation and deactivation do.
 */
export class WebhookTrigger extends TriggerWorkflow {
	constructor(options: TriggerOptions) {
		super(options);
	}

	private get description(): IWebhookDescription {
		const webhook = this.options.nodeType.description.webhooks?.[0];
		if (webhook === undefined) throw new Error(`${this.options.nodeType.description.name} declares no webhook`);
		return webhook;
	}

	private webhookData(additionalData: ReturnType<TriggerWorkflow['additionalData']>, isTest: boolean): IWebhookData {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: `${this.node.webhookId}/${String(this.description.path)}`,
			webhookDescription: this.description,
			workflowId: String(this.workflow.id),
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
			isTest,
		};
	}

	async send(spec: WebhookRequestSpec, mode: WorkflowExecuteMode = 'webhook'): Promise<WebhookOutcome> {
		const rawBody = Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(spec.body, 'utf8');
		const headers = Object.fromEntries(Object.entries(spec.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
		const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'] : '';
		const read = readByN8n(contentType);
		const request: Record<string, unknown> = {
			method: spec.method ?? 'POST',
			headers,
			rawBody: read ? rawBody : undefined,
			body: read ? parsedAsN8nDoes(rawBody, contentType) : {},
			contentType,
			params: {},
			query: spec.query ?? {},
			readRawBody: async () => {
				request.rawBody ??= rawBody;
			},
		};
		const { response, express } = recordingResponse();
		const additionalData = this.additionalData({ httpRequest: request, httpResponse: express } as never);
		const context = new WebhookContext(
			this.workflow,
			this.workflowNode,
			additionalData,
			mode,
			this.webhookData(additionalData, mode === 'manual'),
			[],
			null,
		);
		const webhook = this.options.nodeType.webhook;
		if (webhook === undefined) throw new Error('the node has no webhook method');
		const result = await webhook.call(context);
		return { result, response, item: result.workflowData?.[0]?.[0]?.json };
	}

	async lifecycle(method: 'checkExists' | 'create' | 'delete', activation: WorkflowActivateMode = 'activate'): Promise<boolean> {
		const additionalData = this.additionalData();
		const context = new HookContext(
			this.workflow,
			this.workflowNode,
			additionalData,
			'trigger',
			activation,
			this.webhookData(additionalData, false),
		);
		const methods = this.options.nodeType.webhookMethods?.default;
		if (methods === undefined) throw new Error('the node has no webhook methods');
		return await methods[method].call(context);
	}

	/** As n8n activates: create only when checkExists says nothing is registered. */
	async activate(): Promise<void> {
		if (!(await this.lifecycle('checkExists'))) await this.lifecycle('create');
	}

	webhookUrl(): string {
		return `${String(this.additionalData().webhookBaseUrl)}/${String(this.node.webhookId)}/${String(this.description.path)}`;
	}
}
