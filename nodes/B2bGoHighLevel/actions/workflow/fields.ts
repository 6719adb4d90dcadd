import type { INodeProperties } from 'n8n-workflow';

export const WORKFLOW_FIELD: INodeProperties = {
	displayName: 'Workflow Name or ID',
	name: 'workflowId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getWorkflows' },
	required: true,
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};
