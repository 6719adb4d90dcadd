/**
 * A "tour" workflow: a Manual Trigger followed by one node per operation, in a line, each run once
 * (n8n's Execute Once) so a Get Many's many items do not multiply the steps after it. A step reads the
 * records earlier steps wrote by expression, e.g. `={{ $('Create Quote').item.json.id }}`.
 */
export interface TourStep {
	name: string;
	/** The package's node type without its prefix, e.g. "b2bHaloPsa". */
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials: Record<string, { id: string; name: string }>;
}

export function tourWorkflow(id: string, name: string, steps: TourStep[]): { id: string } & Record<string, unknown> {
	const names = ['Start', ...steps.map((step) => step.name)];
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			...steps.map((step, index) => ({
				id: `${id}-${index}`,
				name: step.name,
				type: `n8n-nodes-halopsa-b2b.${step.type}`,
				typeVersion: step.typeVersion,
				position: [220 * (index + 1), 0],
				executeOnce: true,
				parameters: step.parameters,
				credentials: step.credentials,
			})),
		],
		connections: connectedInLine(names),
	};
}

/** n8n's connections of nodes one after the other: each node's main output into the next. */
export function connectedInLine(names: string[]): Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> {
	return Object.fromEntries(
		names.slice(0, -1).map((from, index) => [from, { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] }]),
	);
}

/** A resource locator given by ID, as version 2 nodes save one. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value });

/** The ID an earlier step output, as an expression. */
export const idOf = (step: string, field = 'id') => `={{ $('${step}').item.json.${field} }}`;
