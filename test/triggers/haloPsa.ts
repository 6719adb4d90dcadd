import type { IDataObject, INodeCredentialsDetails } from 'n8n-workflow';

import { TestCredentialsHelper } from '../harness';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import type { Sandbox } from '../../sandbox/server';

/** A HaloPSA API credential for the sandbox, as a user would fill it in (client credentials, hosted). */
export function haloPsaApiCredential(helper: TestCredentialsHelper, sandbox: Sandbox): INodeCredentialsDetails {
	const { clientId, clientSecret, tenant } = SANDBOX_CREDENTIALS.haloPsa;
	return helper.add('b2bHaloPsaOAuth2Api', {
		grantType: 'clientCredentials',
		hostingType: 'hosted',
		baseUrl: sandbox.baseUrl('haloPsa'),
		tenant,
		clientId,
		clientSecret,
		scope: 'all',
	} as IDataObject as never);
}
