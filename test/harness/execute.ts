import { ExecuteContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	ITaskDataConnections,
	IWorkflowExecuteAdditionalData,
	NodeExecutionHint,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { connectedInLine } from '../../scripts/e2e/tour';
import type { TestCredentialsHelper } from './credentials-helper';

export const PACKAGE_NAME = 'n8n-nodes-halopsa-b2b';

export interface ExecuteOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials?: Record<string, INodeCredentialsDetails>;
	helper: TestCredentialsHelper;
	input?: INodeExecutionData[];
	mode?: WorkflowExecuteMode;
	nodeName?: string;
	/** Raw settings n8n keeps on a node (continueOnFail is `onError: 'continueRegularOutput'`). */
	continueOnFail?: boolean;
	/** The node's On Error setting, when it is not the one continueOnFail stands for. */
	onError?: INode['onError'];
	/** The workflow's static data as n8n read it from its database; the node's changes land in this object. */
	staticData?: IDataObject;
	/** Receives the hints the node gave for the execution's output pane. */
	hints?: NodeExecutionHint[];
	/** The version a saved workflow holds the node at; the node's latest when absent. */
	typeVersion?: number;
	/** Nodes before the node in the workflow, first to last, by name and type (the first is the trigger). */
	upstream?: Array<{ name: string; type: string }>;
}

function nodeTypesFor(nodeType: INodeType): INodeTypes {
	return { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
}

/** As in a workflow execution: n8n sets `currentNodeParameters` only while the editor loads options. */
function additionalDataFor(helper: TestCredentialsHelper): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: helper,
		restApiUrl: '',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** n8n-core's real ExecuteContext around one node, the way n8n runs a node in a workflow. */
export function createExecuteContext(options: ExecuteOptions): ExecuteContext {
	const { nodeType, helper } = options;
	const version = nodeType.description.version;
	const node: INode = {
		id: 'node-under-test',
		name: options.nodeName ?? nodeType.description.displayName ?? 'Node',
		type: `${PACKAGE_NAME}.${nodeType.description.name}`,
		typeVersion: options.typeVersion ?? (Array.isArray(version) ? version[version.length - 1] : (version ?? 1)),
		position: [0, 0],
		parameters: options.parameters,
		credentials: options.credentials,
		...(options.onError !== undefined || options.continueOnFail ? { onError: options.onError ?? 'continueRegularOutput' } : {}),
	};
	const upstream: INode[] = (options.upstream ?? []).map(({ name, type }, index) => ({
		id: `upstream-${index}`,
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	}));
	const names = [...upstream.map((entry) => entry.name), node.name];
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: [...upstream, node],
		connections: connectedInLine(names),
		active: false,
		nodeTypes: nodeTypesFor(nodeType),
		staticData: options.staticData,
	});
	const input = options.input ?? [{ json: {} }];
	const inputData: ITaskDataConnections = { main: [input] };
	const executeData: IExecuteData = { node, data: inputData, source: null };
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	return new ExecuteContext(
		workflow,
		workflow.getNode(node.name) ?? node,
		additionalDataFor(helper),
		options.mode ?? 'manual',
		runExecutionData,
		0,
		input,
		inputData,
		executeData,
		[],
	);
}

/** Runs a node's `execute` in a real ExecuteContext and returns its outputs. */
export async function runNode(options: ExecuteOptions): Promise<INodeExecutionData[][]> {
	const context = createExecuteContext(options);
	if (options.nodeType.execute === undefined) throw new Error(`${options.nodeType.description.name} has no execute method`);
	const output = (await options.nodeType.execute.call(context)) as INodeExecutionData[][];
	options.hints?.push(...context.hints);
	return output;
}
