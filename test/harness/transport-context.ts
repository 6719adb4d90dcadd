import type { ExecuteContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeType } from 'n8n-workflow';

import { TestCredentialsHelper, createExecuteContext } from './index';

/**
 * n8n-core's real ExecuteContext for a node holding one credential, which is what a node hands a
 * provider module: credentials, authentication and request helpers all run as in n8n.
 */
export function providerContext(credentialType: string, data: ICredentialDataDecryptedObject): ExecuteContext {
	const helper = new TestCredentialsHelper();
	const credential = helper.add(credentialType, data);
	const nodeType = {
		description: {
			displayName: 'Provider Test',
			name: 'providerTest',
			group: ['transform'],
			version: 1,
			description: 'Holds the credential a provider module is called with',
			defaults: { name: 'Provider Test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType, required: true }],
			properties: [],
		},
	} as unknown as INodeType;
	return createExecuteContext({ nodeType, helper, parameters: {}, credentials: { [credentialType]: credential } });
}
