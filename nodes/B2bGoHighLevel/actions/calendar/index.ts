import type { NodeResource } from '../../../../lib/node-kit';

import * as bookAppointment from './bookAppointment.operation';
import * as getFreeSlots from './getFreeSlots.operation';

export const calendar: NodeResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['calendar'] } },
			options: [
				{ name: 'Book Appointment', value: 'bookAppointment', action: 'Book an appointment for a contact' },
				{ name: 'Get Free Slots', value: 'getFreeSlots', action: 'Get the free slots of a calendar' },
			],
			default: 'getFreeSlots',
		},
	],
	operations: { bookAppointment, getFreeSlots },
};
