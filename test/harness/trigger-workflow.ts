import { randomUUID } from 'crypto';

import { Workflow } from 'n8n-workflow';
import type { IDataObject, INode, INodeCredentialsDetails, INodeParameters, INodeType, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { PACKAGE_NAME } from './execute';

export interface TriggerOptions {
	nodeType: INodeType;
	parameters?: INodeParameters;
	credentials?: Record<string, INodeCredentialsDetails>;
	helper?: TestCredentialsHelper;
	nodeName?: string;
	workflowId?: string;
	/** The workflow's static data as another process saved it. */
	staticData?: IDataObject;
}

export const N8N_BASE_URL = 'http://localhost:5678';

/**
 * A one-node workflow around a trigger, as n8n holds an active workflow: the Workflow object
 * keeps the node's static data between calls, and `reload` gives a new Workflow with the data
 * as n8n would have saved and read it back.
 */
export class TriggerWorkflow {
	workflow: Workflow;
	readonly node: INode;
	/** Each trigger is its own workflow unless a test names one: replay ids are kept per workflow and node. */
	private readonly workflowId: string;
	readonly helper: TestCredentialsHelper;

	constructor(readonly options: TriggerOptions) {
		this.helper = options.helper ?? new TestCredentialsHelper();
		this.workflowId = options.workflowId ?? `trigger-test-workflow-${randomUUID()}`;
		const { nodeType } = options;
		const version = nodeType.description.version;
		this.node = {
			id: `node-${options.nodeName ?? nodeType.description.name}`,
			name: options.nodeName ?? nodeType.description.defaults.name ?? nodeType.description.displayName,
			type: `${PACKAGE_NAME}.${nodeType.description.name}`,
			typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
			position: [0, 0],
			parameters: options.parameters ?? {},
			credentials: options.credentials,
			webhookId: 'f3c1c4a2-5b1e-4f4e-9d0a-1b2c3d4e5f60',
		};
		this.workflow = this.build(options.staticData ?? {});
	}

	private build(staticData: IDataObject): Workflow {
		const { nodeType } = this.options;
		return new Workflow({
			id: this.workflowId,
			name: 'Trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			staticData,
			nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) },
		});
	}

	get workflowNode(): INode {
		return this.workflow.getNode(this.node.name) ?? this.node;
	}

	/** The node's static data as n8n would store it. */
	staticData(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.getStaticData('node', this.workflowNode))) as IDataObject;
	}

	/** A fresh Workflow holding the saved static data, as after an n8n restart or on another process. */
	reload(): void {
		this.workflow = this.build(JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject);
	}

	additionalData(extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: this.helper,
			restApiUrl: `${N8N_BASE_URL}/rest`,
			instanceBaseUrl: `${N8N_BASE_URL}/`,
			webhookBaseUrl: `${N8N_BASE_URL}/webhook`,
			webhookTestBaseUrl: `${N8N_BASE_URL}/webhook-test`,
			webhookWaitingBaseUrl: `${N8N_BASE_URL}/webhook-waiting`,
			formWaitingBaseUrl: `${N8N_BASE_URL}/form-waiting`,
			variables: {},
			userId: 'test-user',
			logAiEvent: () => {},
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}
}
