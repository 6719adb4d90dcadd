import { ICredentialsHelper, NodeHelpers, Workflow, isExpression } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsEncrypted,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
} from 'n8n-workflow';

import { CredentialTypeRegistry } from './credential-types';

const MOCK_NODE: INode = { id: 'mock', name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };

/** Hidden OAuth endpoint fields are owned by the credential type, never by stored data. */
const OAUTH_PINNED_FIELDS = ['authUrl', 'accessTokenUrl', 'authQueryParameters', 'authentication'];

const noNodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getKnownTypes: () => ({}),
};

/**
 * Ids are unique across every helper in the process, as in n8n's database: the transport keeps
 * one rate limiter per credential id, and tests must not share one by accident.
 */
let nextCredentialId = 1;

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** What n8n wrote back to its database: tokens cached by preAuthentication or OAuth2. */
export interface CredentialWrite {
	id: string;
	type: string;
	data: ICredentialDataDecryptedObject;
	kind: 'preAuthentication' | 'oauthTokenData';
}

/**
 * A faithful stand-in for n8n's CredentialsHelper (packages/cli/src/credentials-helper.ts):
 * defaults and `$self` expressions applied on read, declarative and functional `authenticate`,
 * `preAuthentication` run when the expirable field is empty, on a credential test and after a
 * 401, with the result persisted. Storage is in memory instead of n8n's database.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, StoredCredential>();
	readonly writes: CredentialWrite[] = [];

	constructor(readonly registry: CredentialTypeRegistry = CredentialTypeRegistry.fromPackage()) {
		super();
	}

	add(type: string, data: ICredentialDataDecryptedObject, name = `${type} test`): INodeCredentialsDetails {
		this.registry.get(type);
		const id = String(nextCredentialId++);
		this.store.set(id, { id, name, type, data: structuredClone(data) });
		return { id, name };
	}

	stored(id: string): StoredCredential {
		const credential = this.store.get(id);
		if (credential === undefined) throw new Error(`No credential with id ${id}`);
		return credential;
	}

	getParentTypes(name: string): string[] {
		return this.registry.parentTypes(name);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string) {
		return this.registry.properties(type);
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.lookup(nodeCredentials, type);
		const credentials: Pick<ICredentials, 'getData' | 'setData' | 'updateData' | 'getDataToSave'> = {
			getData: async () => structuredClone(stored.data),
			setData: async (data) => {
				stored.data = structuredClone(data);
			},
			updateData: async (toUpdate) => {
				Object.assign(stored.data, structuredClone(toUpdate));
			},
			getDataToSave: () => ({ id: stored.id, name: stored.name, type, data: '' }) as ICredentialsEncrypted,
		};
		return Object.assign(Object.create(null) as ICredentials, { id: stored.id, name: stored.name, type }, credentials);
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode?: unknown,
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = structuredClone(this.lookup(nodeCredentials, type).data);
		return raw === true ? stored : this.applyDefaults(stored, type);
	}

	applyDefaults(original: ICredentialDataDecryptedObject, type: string): ICredentialDataDecryptedObject {
		const properties = this.registry.properties(type);
		const stored = { ...original };
		for (const field of OAUTH_PINNED_FIELDS) {
			if (properties.some((property) => property.name === field && property.type === 'hidden')) delete stored[field];
		}
		const withDefaults = NodeHelpers.getNodeParameters(
			properties,
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined) withDefaults.oauthTokenData = original.oauthTokenData;
		const workflow = new Workflow({ nodes: [MOCK_NODE], connections: {}, active: false, nodeTypes: noNodeTypes });
		return workflow.expression.getComplexParameterValue(
			MOCK_NODE,
			withDefaults as INodeParameters,
			'internal',
			{} as IWorkflowDataProxyAdditionalKeys,
			undefined,
			undefined,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions & Record<string, Record<string, unknown>>;
		const { authenticate } = this.registry.get(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate === undefined || authenticate.type !== 'generic') return requestOptions;
		if (workflow === undefined || node === undefined)
			throw new Error('Workflow and node are required for declarative credential authentication');
		requestOptions.headers ??= {};
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
				const resolve = (expression: string) =>
					isExpression(expression)
						? String(
								workflow.expression.getSimpleParameterValue(
									node,
									expression,
									'internal',
									{ $credentials: credentials } as IWorkflowDataProxyAdditionalKeys,
									undefined,
									'',
								) ?? '',
							)
						: expression;
				requestOptions[outerKey] ??= {};
				requestOptions[outerKey][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.registry.get(typeName);
		const expirable = type.properties.find((property) => property.type === 'hidden' && property.typeOptions?.expirable === true);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;

		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined || node.credentials === undefined) return undefined;
		const nodeCredentials = node.credentials[typeName];
		const stored = this.lookup(nodeCredentials, typeName);
		const persisted = { ...stored.data };
		for (const [key, value] of Object.entries(output)) {
			if (key === expirable.name || !isExpression(stored.data[key])) persisted[key] = value as ICredentialDataDecryptedObject[string];
		}
		await this.updateCredentials(nodeCredentials, typeName, persisted);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.registry.get(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return ((await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject) ?? undefined;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		const stored = this.lookup(nodeCredentials, type);
		stored.data = structuredClone(data);
		this.writes.push({ id: stored.id, type, data: structuredClone(data), kind: 'preAuthentication' });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.lookup(nodeCredentials, type);
		stored.data = { ...stored.data, oauthTokenData: structuredClone(data.oauthTokenData) };
		this.writes.push({ id: stored.id, type, data: structuredClone(stored.data), kind: 'oauthTokenData' });
	}

	private lookup(nodeCredentials: INodeCredentialsDetails, type: string): StoredCredential {
		const stored = nodeCredentials.id === null ? undefined : this.store.get(nodeCredentials.id);
		if (stored === undefined || stored.type !== type) throw new Error(`Credential ${nodeCredentials.id} of type ${type} does not exist`);
		return stored;
	}
}
