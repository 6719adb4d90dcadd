import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS } from '../../lib/signatures';
import { handleWebhook } from '../../lib/webhooks';
import { checkHaloPsaWebhookCredential, haloPsaVerifier } from './auth';
import { properties } from './description';
import { selectedEvents } from './events';
import { haloPsaEvent, haloPsaFilter } from './filters';
import { createRegistration, deleteRegistration, registrationExists } from './registration';

const registers = (ctx: IHookFunctions): boolean => ctx.getNodeParameter('register', false) === true;

export class HaloPsaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HaloPSA Trigger',
		name: 'haloPsaTrigger',
		icon: { light: 'file:haloPsa.svg', dark: 'file:haloPsa.dark.svg' },
		group: ['trigger'],
		// Version 2 behaves as 1. n8n evaluates a leftover expression for every call to a version-1 webhook
		// node (its Webhook node v1's binary option), which costs an expression isolate per request.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["register"] ? "Registered in HaloPSA" : "Webhook"}}',
		description: 'Starts the workflow when HaloPSA calls its webhook with valid authentication',
		defaults: { name: 'HaloPSA Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'b2bHaloPsaWebhookApi', required: true, testedBy: 'haloPsaWebhookCredentialCheck' },
			{ name: 'b2bHaloPsaOAuth2Api', required: true, displayOptions: { show: { register: [true] } } },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties,
	};

	methods = {
		credentialTest: { haloPsaWebhookCredentialCheck: checkHaloPsaWebhookCredential },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (registers(this)) return await registrationExists(this);
				// Set up in HaloPSA by hand, so nothing to look for; but a mistyped event number is reported
				// on activation, not on the first call HaloPSA makes.
				selectedEvents(this, false);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return registers(this) ? await createRegistration(this) : true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return registers(this) ? await deleteRegistration(this) : true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials('b2bHaloPsaWebhookApi');
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		return await handleWebhook(this, {
			verify: haloPsaVerifier(credentials),
			toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
			// HaloPSA's calls carry neither an event id nor a signed timestamp: a second identical body inside the window is the replay.
			eventId: { bodyDigest: true },
			ignoreReason: haloPsaFilter(filters, selectedEvents(this, false)),
			describe: haloPsaEvent(filters),
		});
	}
}
