import { providerOptions } from '../../../../lib/node-kit';
import type { NodeResource } from '../../../../lib/node-kit';

import * as search from './search.operation';

export const person: NodeResource = {
	description: [
		{
			displayName: 'Provider',
			name: 'provider',
			type: 'options',
			displayOptions: { show: { resource: ['person'] } },
			options: providerOptions(['apollo', 'zoomInfo', 'upLead'], {
				apollo: 'People search spends no credits; emails come from enrichment',
				zoomInfo: 'Contact search',
				upLead: 'Prospector search, one company domain per search',
			}),
			default: 'apollo',
		},
	],
	operations: { search },
};
