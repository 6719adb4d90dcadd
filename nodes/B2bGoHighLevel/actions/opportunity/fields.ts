import type { INodeProperties } from 'n8n-workflow';

import { OPPORTUNITY_STATUSES } from '../../../../lib/destinations/goHighLevel';

type Field = INodeProperties;

export const PIPELINE_FIELD: Field = {
	displayName: 'Pipeline Name or ID',
	name: 'pipelineId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPipelines' },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** Stages of the pipeline chosen beside it; `dependsOn` is that pipeline's parameter path. */
export function stageField(dependsOn: string): Field {
	return {
		displayName: 'Stage Name or ID',
		name: 'pipelineStageId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getStages', loadOptionsDependsOn: [dependsOn] },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

const capitalized = (status: string) => status.charAt(0).toUpperCase() + status.slice(1);

export const STATUS_FIELD: Field = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: OPPORTUNITY_STATUSES.map((status) => ({ name: capitalized(status), value: status })),
	default: 'open',
};

export const MONETARY_VALUE_FIELD: Field = {
	displayName: 'Monetary Value',
	name: 'monetaryValue',
	type: 'number',
	default: 0,
	description: "The deal's value in the location's currency",
};
export const ASSIGNED_TO_FIELD: Field = {
	displayName: 'Assigned To',
	name: 'assignedTo',
	type: 'string',
	default: '',
	description: 'The ID of the HighLevel user who owns the opportunity',
};
export const NAME_FIELD: Field = { displayName: 'Name', name: 'name', type: 'string', default: '' };
