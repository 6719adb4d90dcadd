import { ExecuteContext, RoutingNode } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialTestRequest,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeType,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentials-helper';

function valueAt(data: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
			data,
		);
}

/**
 * "Test connection", as n8n's CredentialsTester runs it for a credential with a `test.request`:
 * a temporary noOp node whose single parameter routes that request, executed by n8n-core's
 * RoutingNode with the credential (so preAuthentication runs in its testing mode), then the
 * response judged by the test's rules.
 */
export async function testCredential(helper: TestCredentialsHelper, credentialId: string): Promise<INodeCredentialTestResult> {
	const stored = helper.stored(credentialId);
	const type = helper.registry.get(stored.type);
	const test = type.test as ICredentialTestRequest | undefined;
	if (test === undefined) return { status: 'Error', message: 'No testing function found for this credential.' };

	const credentialsDecrypted = {
		id: stored.id,
		name: stored.name,
		type: stored.type,
		data: helper.applyDefaults(structuredClone(stored.data), stored.type),
	};
	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation',
			name: 'n8n-nodes-base.noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: stored.type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	} as unknown as INodeType;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [stored.type]: { id: stored.id, name: stored.name } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) },
	});
	const additionalData = { credentialsHelper: helper, variables: {}, logAiEvent: () => {} } as unknown as IWorkflowExecuteAdditionalData;
	const workflowNode = workflow.getNode(node.name) ?? node;
	const executeData: IExecuteData = { node: workflowNode, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		workflowNode,
		additionalData,
		'internal',
		{ resultData: { runData: {} } } as unknown as IRunExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);

	let response;
	try {
		response = await new RoutingNode(context, nodeType, credentialsDecrypted).runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === cause.response.status)
					return { status: 'Error', message: rule.properties.message };
			}
			return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}` };
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: String((error as Error).message) };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && valueAt(response?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
