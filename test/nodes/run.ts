import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	NodeExecutionHint,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { TestCredentialsHelper, runNode } from '../harness';
import type { Sandbox } from '../../sandbox/server';
import type { FixturePerson } from '../../sandbox/fixtures';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';

/** Credential data pointing each provider at the sandbox, as a user would fill the forms. */
export function sandboxCredentials(sandbox: Sandbox): Record<string, ICredentialDataDecryptedObject> {
	return {
		b2bApolloApi: { baseUrl: sandbox.baseUrl('apollo'), apiKey: SANDBOX_CREDENTIALS.apollo.apiKey },
		b2bHunterApi: { baseUrl: sandbox.baseUrl('hunter'), apiKey: SANDBOX_CREDENTIALS.hunter.apiKey },
		b2bUpLeadApi: { baseUrl: sandbox.baseUrl('upLead'), apiKey: SANDBOX_CREDENTIALS.upLead.apiKey },
		b2bZoomInfoJwtApi: {
			baseUrl: sandbox.baseUrl('zoomInfo'),
			authMethod: 'password',
			username: SANDBOX_CREDENTIALS.zoomInfo.username,
			password: SANDBOX_CREDENTIALS.zoomInfo.password,
		},
		b2bHaloPsaOAuth2Api: {
			grantType: 'clientCredentials',
			hostingType: 'hosted',
			baseUrl: sandbox.baseUrl('haloPsa'),
			tenant: SANDBOX_CREDENTIALS.haloPsa.tenant,
			clientId: SANDBOX_CREDENTIALS.haloPsa.clientId,
			clientSecret: SANDBOX_CREDENTIALS.haloPsa.clientSecret,
			scope: 'all',
		},
		b2bGoHighLevelApi: {
			baseUrl: sandbox.baseUrl('goHighLevelV2'),
			privateIntegrationToken: SANDBOX_CREDENTIALS.goHighLevel.privateIntegrationToken,
			locationId: SANDBOX_CREDENTIALS.goHighLevel.locationId,
		},
		// A session token as a user would paste it; each run gets a fresh one, as after a new paste.
		b2bGoHighLevelSessionApi: {
			baseUrl: sandbox.baseUrl('goHighLevelSession'),
			tokenId: sandbox.issueGoHighLevelSession(),
			locationId: SANDBOX_CREDENTIALS.goHighLevel.locationId,
		},
		b2bThrioApi: {
			loginUrl: sandbox.baseUrl('thrioLogin'),
			username: SANDBOX_CREDENTIALS.thrio.username,
			password: SANDBOX_CREDENTIALS.thrio.password,
		},
	};
}

/** Every sandbox credential saved once, as in one n8n: runs given the same set share their pacing. */
export function savedSandboxCredentials(sandbox: Sandbox, overrides: Record<string, ICredentialDataDecryptedObject> = {}) {
	const helper = new TestCredentialsHelper();
	const credentials = Object.fromEntries(
		Object.entries(sandboxCredentials(sandbox)).map(([type, data]) => [type, helper.add(type, { ...data, ...overrides[type] })]),
	);
	return { helper, credentials };
}

/**
 * Runs one of the package's nodes in n8n-core with every sandbox credential attached, so the
 * node's own credential rules decide which it may use. Fresh credentials per run unless `saved`
 * is given: each run paces itself from zero, as a new n8n process would.
 */
export async function runWithSandbox(
	sandbox: Sandbox,
	nodeType: INodeType,
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: {
		continueOnFail?: boolean;
		onError?: INode['onError'];
		credentialOverrides?: Record<string, ICredentialDataDecryptedObject>;
		saved?: ReturnType<typeof savedSandboxCredentials>;
		/** The workflow's static data, shared by runs given the same object, as n8n's database shares it. */
		staticData?: IDataObject;
		mode?: WorkflowExecuteMode;
		/** Receives the execution hints the node gave. */
		hints?: NodeExecutionHint[];
		/** The version a saved workflow holds the node at; the node's latest when absent. */
		typeVersion?: number;
		upstream?: Array<{ name: string; type: string }>;
	} = {},
): Promise<INodeExecutionData[]> {
	const { helper, credentials } = options.saved ?? savedSandboxCredentials(sandbox, options.credentialOverrides);
	const output = await runNode({
		nodeType,
		helper,
		parameters,
		credentials,
		input: input.map((json) => ({ json })),
		continueOnFail: options.continueOnFail,
		onError: options.onError,
		staticData: options.staticData,
		mode: options.mode,
		hints: options.hints,
		typeVersion: options.typeVersion,
		upstream: options.upstream,
	});
	return output[0];
}

/** People whose name is unique at their company, so a name + domain lookup can only mean them. */
export function identifiablePeople(sandbox: Sandbox): FixturePerson[] {
	return sandbox.fixtures.people.filter(
		(person) =>
			sandbox.fixtures
				.peopleAt(person.companyId)
				.filter((other) => other.firstName === person.firstName && other.lastName === person.lastName).length === 1,
	);
}

/** A lead as a CRM or a spreadsheet gives it: name and company website. */
export function leadOf(sandbox: Sandbox, person: FixturePerson): IDataObject {
	return { first_name: person.firstName, last_name: person.lastName, website: sandbox.fixtures.company(person.companyId)!.domain };
}
