import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

import type { INodeType } from 'n8n-workflow';

const ROOT = join(__dirname, '..', '..');
const { n8n } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };

/** The source file of each node package.json lists: dist/nodes/X/X.node.js -> nodes/X/X.node.ts. */
const sources = n8n.nodes.map((built) => built.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

describe.each(sources)('%s', (source) => {
	it('has a light icon and a dark twin, both files next to it', async () => {
		const module = (await import(join(ROOT, source))) as Record<string, new () => INodeType>;
		const node = new (Object.values(module)[0])();
		const { light, dark } = node.description.icon as { light: string; dark: string };
		expect(light).toMatch(/^file:[A-Za-z]+\.svg$/);
		expect(dark).toBe(light.replace(/\.svg$/, '.dark.svg'));
		for (const icon of [light, dark]) expect(existsSync(join(ROOT, dirname(source), icon.slice('file:'.length)))).toBe(true);
	});
});
