import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { connect, listCustomFields, listPipelines } from '../../../lib/destinations/goHighLevel';
import type { GhlAuthentication, GhlConnection } from '../../../lib/destinations/goHighLevel';

async function connection(ctx: ILoadOptionsFunctions): Promise<GhlConnection> {
	return await connect(ctx, ctx.getNodeParameter('authentication', 'privateIntegrationToken') as GhlAuthentication);
}

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
