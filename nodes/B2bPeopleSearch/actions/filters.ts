import { NodeOperationError, jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { EmployeeRange } from '../../../lib/sources/contracts';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** Comma- or newline-separated values typed into one field, as lists. */
export function list(value: unknown): string[] | undefined {
	const values = (Array.isArray(value) ? value : String(value ?? '').split(/[,\n]/)).map((entry) => String(entry).trim()).filter(Boolean);
	return values.length > 0 ? values : undefined;
}

export function employeeRange(filters: IDataObject): EmployeeRange | undefined {
	const min = Number(filters.employeesMin) || undefined;
	const max = Number(filters.employeesMax) || undefined;
	return min === undefined && max === undefined ? undefined : { min, max };
}

/** The "additional provider fields" escape hatch: provider-specific JSON merged into the request. */
export function additionalFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const raw = ctx.getNodeParameter('additionalFields', itemIndex, '{}');
	const parsed = typeof raw === 'string' ? jsonParse<unknown>(raw || '{}', { fallbackValue: undefined }) : raw;
	if (parsed === undefined || parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: Additional Provider Fields must be a JSON object`, { itemIndex });
	}
	return Object.keys(parsed).length > 0 ? (parsed as IDataObject) : undefined;
}

export function additionalFieldsProperty(show: Show): INodeProperties {
	return {
		displayName: 'Additional Provider Fields',
		name: 'additionalFields',
		type: 'json',
		displayOptions: { show },
		default: '{}',
		description:
			'Fields of the provider\'s own search API, merged into the request as they are (e.g. Apollo\'s {"contact_email_status": ["verified"]})',
	};
}

export const employeeRangeFilters: INodeProperties[] = [
	{
		displayName: 'Employees (Min)',
		name: 'employeesMin',
		type: 'number',
		default: 0,
		description: 'Smallest company size to include (0: no minimum)',
	},
	{
		displayName: 'Employees (Max)',
		name: 'employeesMax',
		type: 'number',
		default: 0,
		description: 'Largest company size to include (0: no maximum)',
	},
];
