import { providerOptions } from '../../../../lib/node-kit';
import type { NodeResource } from '../../../../lib/node-kit';

import * as search from './search.operation';

export const company: NodeResource = {
	description: [
		{
			displayName: 'Provider',
			name: 'provider',
			type: 'options',
			displayOptions: { show: { resource: ['company'] } },
			options: providerOptions(['apollo', 'zoomInfo']),
			default: 'apollo',
		},
	],
	operations: { search },
};
