import type { INodeProperties } from 'n8n-workflow';

export const CALENDAR_FIELD: INodeProperties = {
	displayName: 'Calendar Name or ID',
	name: 'calendarId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCalendars' },
	required: true,
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};
