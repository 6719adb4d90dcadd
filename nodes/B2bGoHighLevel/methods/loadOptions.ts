import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listCalendars, listCustomFields, listPipelines, listWorkflows } from '../../../lib/destinations/goHighLevel';
import { connection } from './connection';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await listCustomFields(this, await connection(this));
	return fields
		.map((field) => ({ name: `${field.name ?? field.id}${field.fieldKey ? ` (${field.fieldKey})` : ''}`, value: field.id }))
		.sort(byName);
}

export async function getPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listPipelines(this, await connection(this))).map((pipeline) => ({ name: pipeline.name, value: pipeline.id })).sort(byName);
}

/** The chosen pipeline's stages in pipeline order; with none chosen yet, every stage named with its pipeline. */
export async function getStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const chosen = [this.getCurrentNodeParameter('&pipelineId'), this.getCurrentNodeParameter('pipelineId')].find(
		(value) => typeof value === 'string' && value !== '',
	);
	const pipelines = (await listPipelines(this, await connection(this))).filter(
		(pipeline) => chosen === undefined || pipeline.id === chosen,
	);
	return pipelines.flatMap((pipeline) =>
		pipeline.stages.map((stage) => ({ name: chosen === undefined ? `${pipeline.name}: ${stage.name}` : stage.name, value: stage.id })),
	);
}

export async function getCalendars(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listCalendars(this, await connection(this))).map((calendar) => ({ name: calendar.name, value: calendar.id })).sort(byName);
}

/** A draft workflow is named so: HighLevel runs only published ones. */
export async function getWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listWorkflows(this, await connection(this)))
		.map((workflow) => ({
			name: workflow.status && workflow.status !== 'published' ? `${workflow.name} (${workflow.status})` : workflow.name,
			value: workflow.id,
		}))
		.sort(byName);
}
