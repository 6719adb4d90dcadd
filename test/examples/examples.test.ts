import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { B2bEnrichment } from '../../nodes/B2bEnrichment/B2bEnrichment.node';
import { B2bGoHighLevel } from '../../nodes/B2bGoHighLevel/B2bGoHighLevel.node';
import { B2bHaloPsa } from '../../nodes/B2bHaloPsa/B2bHaloPsa.node';
import { B2bPeopleSearch } from '../../nodes/B2bPeopleSearch/B2bPeopleSearch.node';
import { B2bThrio } from '../../nodes/B2bThrio/B2bThrio.node';
import { GoHighLevelTrigger } from '../../nodes/GoHighLevelTrigger/GoHighLevelTrigger.node';

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
}
interface Example {
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const DIR = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(DIR)
	.filter((file) => file.endsWith('.json'))
	.map((file) => [file, JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Example] as const);
const PACKAGE_NODES: Record<string, INodeType> = Object.fromEntries(
	[B2bEnrichment, B2bGoHighLevel, B2bHaloPsa, B2bPeopleSearch, B2bThrio, GoHighLevelTrigger].map((Node) => {
		const node = new Node();
		return [`n8n-nodes-halopsa-b2b.${node.description.name}`, node];
	}),
);
const isTrigger = (node: ExampleNode) => /trigger$/i.test(node.type);

describe.each(examples)('example %s', (_file, example) => {
	it('has no Code node and at most 5 nodes, not counting a Manual Trigger beside another trigger', () => {
		expect(example.nodes.filter((node) => /\.(code|function|functionItem)$/.test(node.type))).toEqual([]);
		const triggers = example.nodes.filter(isTrigger);
		const counted = example.nodes.filter((node) => !(node.type === 'n8n-nodes-base.manualTrigger' && triggers.length > 1));
		expect(counted.length).toBeLessThanOrEqual(5);
	});

	it("connects only nodes it holds, and each of the package's nodes only with parameters of its version", () => {
		const names = new Set(example.nodes.map((node) => node.name));
		for (const [from, outputs] of Object.entries(example.connections)) {
			expect(names).toContain(from);
			for (const target of outputs.main.flat()) expect(names).toContain(target.node);
		}
		for (const node of example.nodes.filter((candidate) => candidate.type in PACKAGE_NODES)) {
			const { description } = PACKAGE_NODES[node.type];
			expect({ node: node.name, versions: [description.version].flat() }).toEqual({
				node: node.name,
				versions: expect.arrayContaining([node.typeVersion]),
			});
			const known = new Set(description.properties.map((property) => property.name));
			expect({ node: node.name, unknown: Object.keys(node.parameters).filter((name) => !known.has(name)) }).toEqual({
				node: node.name,
				unknown: [],
			});
		}
	});
});
