import { NodeOperationError, jsonParse } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, IHookFunctions } from 'n8n-workflow';

/**
 * The webhook record HaloPSA is sent. HaloPSA documents `authentication_type` (0 none, 1 Basic,
 * 2 Bearer, 3 API key header) and `basic_username` / `basic_password`; the field names for a
 * bearer token and an API key header are not published, so they are settings. `method` is 0 for
 * POST, as HaloPSA's API returns it.
 */
const AUTHENTICATION_TYPE: Record<string, number> = { hmac: 0, basic: 1, bearer: 2, apiKey: 3 };

function registrationOptions(ctx: IHookFunctions): IDataObject {
	return ctx.getNodeParameter('registration', {}) as IDataObject;
}

function authenticationFields(credentials: ICredentialDataDecryptedObject, options: IDataObject): IDataObject {
	const method = String(credentials.authMethod);
	const fields: IDataObject = { authentication_type: AUTHENTICATION_TYPE[method] ?? 0 };
	if (method === 'basic') Object.assign(fields, { basic_username: credentials.username, basic_password: credentials.password });
	if (method === 'bearer') fields[String(options.fieldForBearer ?? 'bearer_token')] = credentials.token;
	if (method === 'apiKey') {
		fields[String(options.fieldForHeaderName ?? 'api_key_name')] = credentials.headerName;
		fields[String(options.fieldForHeaderValue ?? 'api_key_value')] = credentials.apiKey;
	}
	return fields;
}

function extraFields(ctx: IHookFunctions, options: IDataObject): IDataObject {
	const raw = options.additionalFields;
	if (raw === undefined || raw === '') return {};
	const parsed = typeof raw === 'string' ? jsonParse<unknown>(raw, { fallbackValue: undefined }) : raw;
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(ctx.getNode(), 'Additional Webhook Fields must be a JSON object');
	}
	return parsed as IDataObject;
}

export function webhookUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not give this node a webhook URL');
	return url;
}

export async function webhookBody(ctx: IHookFunctions): Promise<IDataObject> {
	const options = registrationOptions(ctx);
	const credentials = await ctx.getCredentials('b2bHaloPsaWebhookApi');
	return {
		name: String(options.webhookName || `n8n: ${ctx.getWorkflow().name ?? 'workflow'} / ${ctx.getNode().name}`),
		method: 0,
		content_type: String(options.contentType ?? 'application/json'),
		...extraFields(ctx, options),
		// After the extra fields, so they cannot point the webhook elsewhere or weaken its authentication.
		url: webhookUrl(ctx),
		...authenticationFields(credentials, options),
	};
}
