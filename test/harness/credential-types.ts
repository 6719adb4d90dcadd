import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { NodeHelpers } from 'n8n-workflow';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * n8n's own `oAuth2Api` base (n8n-nodes-base, not a dependency of this package), reduced to the
 * fields n8n-core's OAuth2 request path reads. Credentials that `extends: ['oAuth2Api']` inherit
 * these defaults in a real n8n, so the harness must too.
 */
const OAUTH2_API: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	properties: [
		{ displayName: 'Use Dynamic Client Registration', name: 'useDynamicClientRegistration', type: 'hidden', default: false },
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{ name: 'Authorization Code', value: 'authorizationCode' },
				{ name: 'Client Credentials', value: 'clientCredentials' },
				{ name: 'PKCE', value: 'pkce' },
			],
			default: 'authorizationCode',
		},
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', default: '' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'string', default: '' },
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Body', value: 'body' },
				{ name: 'Header', value: 'header' },
			],
			default: 'header',
		},
		{ displayName: 'Ignore SSL Issues (Insecure)', name: 'ignoreSSLIssues', type: 'boolean', default: false },
		{ displayName: 'Token Expired Status Code', name: 'tokenExpiredStatusCode', type: 'number', default: 401 },
	],
};

const CREDENTIALS_DIR = join(__dirname, '..', '..', 'credentials');

/** The package's credential types, loaded from source the way n8n loads them from `dist/`. */
export class CredentialTypeRegistry {
	private readonly types = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[]) {
		for (const type of [OAUTH2_API, ...types]) this.types.set(type.name, type);
	}

	static fromPackage(): CredentialTypeRegistry {
		const types = readdirSync(CREDENTIALS_DIR)
			.filter((file) => file.endsWith('.credentials.ts'))
			.flatMap((file) => {
				const exported = require(join(CREDENTIALS_DIR, file)) as Record<string, new () => ICredentialType>;
				return Object.values(exported).map((Type) => new Type());
			});
		return new CredentialTypeRegistry(types);
	}

	get(name: string): ICredentialType {
		const type = this.types.get(name);
		if (type === undefined) throw new Error(`Unknown credential type "${name}"`);
		return type;
	}

	names(): string[] {
		return [...this.types.keys()].filter((name) => name !== OAUTH2_API.name);
	}

	parentTypes(name: string): string[] {
		const parents = this.get(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.parentTypes(parent)]);
	}

	/** Properties with the parents' merged in, the child's taking precedence (as n8n does). */
	properties(name: string): INodeProperties[] {
		const type = this.get(name);
		if (type.extends === undefined) return type.properties;
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) NodeHelpers.mergeNodeProperties(combined, this.properties(parent));
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}
