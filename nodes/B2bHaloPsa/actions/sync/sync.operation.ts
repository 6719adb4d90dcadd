import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { InputProblem } from '../../../../lib/normalize';
import { assertNoProblems, errorItem, maxAttemptsOption, paired } from '../../../../lib/node-kit';
import { checkRecord, checkValue } from '../../../../lib/normalize';
import { UPDATABLE_CLIENT_FIELDS, UPDATABLE_USER_FIELDS, syncToHaloPsa } from '../../../../lib/destinations/haloPsa/sync';
import type {
	FieldPolicy,
	InactiveRecords,
	ItemSyncResult,
	OpportunitySettings,
	SyncInput,
	SyncSettings,
	WhenNoClient,
} from '../../../../lib/destinations/haloPsa/sync';
import { CustomFieldResolver, haloCustomFieldsProperty } from '../custom-fields';
import { syncSubjects } from './input';

const show = { resource: ['sync'], operation: ['sync'] };
const opportunityShow = { show: { ...show, createOpportunity: ['Opportunities', 'Tickets'] } };

export const description: INodeProperties[] = [
	{
		displayName:
			'Items carry people and companies as the B2B nodes output them ("person", "company"), or flat fields such as email, first_name, ' +
			'last_name, company_name, domain, website, title, phone.',
		name: 'syncNotice',
		type: 'notice',
		displayOptions: { show },
		default: '',
	},
	{
		displayName: 'When No Client Matches',
		name: 'whenNoClient',
		type: 'options',
		displayOptions: { show },
		options: [
			{ name: 'Create the Client', value: 'create' },
			{ name: 'Use a Catch-All Client', value: 'catchAll' },
			{ name: 'Skip the Item', value: 'skip' },
		],
		default: 'create',
		description: 'Clients are matched by domain (website, or the work email), then by name',
	},
	{
		displayName: 'Catch-All Client Name or ID',
		name: 'catchAllClientId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getClients' },
		displayOptions: { show: { ...show, whenNoClient: ['catchAll'] } },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Site',
		name: 'siteMode',
		type: 'options',
		displayOptions: { show },
		options: [
			{ name: "The Client's Main Site", value: 'main' },
			{ name: 'A Named Site (Created When Missing)', value: 'named' },
		],
		default: 'main',
	},
	{
		displayName: 'Site Name',
		name: 'siteName',
		type: 'string',
		displayOptions: { show: { ...show, siteMode: ['named'] } },
		default: '={{ $json.company?.address?.city }}',
		description: 'Matched by name within the client',
	},
	{
		displayName: 'Create Opportunity',
		name: 'createOpportunity',
		type: 'options',
		displayOptions: { show },
		options: [
			{ name: 'No', value: 'none' },
			{ name: 'An Opportunity', value: 'Opportunities' },
			{ name: 'A Lead Ticket', value: 'Tickets' },
		],
		default: 'none',
		description: 'Opened once per contact and summary: an open one with the same summary, active or not, is left as it is',
	},
	{
		displayName: 'Summary',
		name: 'opportunitySummary',
		type: 'string',
		required: true,
		displayOptions: opportunityShow,
		default: '={{ "New lead: " + ($json.company?.name ?? $json.person?.companyName ?? "") }}',
	},
	{
		displayName: 'Details',
		name: 'opportunityDetails',
		type: 'string',
		typeOptions: { rows: 3 },
		displayOptions: opportunityShow,
		default: '',
	},
	{
		displayName: 'Ticket Type Name or ID',
		name: 'opportunityTicketTypeId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTicketTypes' },
		displayOptions: opportunityShow,
		default: '',
		description:
			'The "Lead" type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Agent Name or ID',
		name: 'opportunityAgentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAgents' },
		displayOptions: opportunityShow,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	haloCustomFieldsProperty('clientCustomFields', 'Client Custom Fields', show),
	haloCustomFieldsProperty('userCustomFields', 'Contact Custom Fields', show),
	{
		displayName: 'Options',
		name: 'syncOptions',
		type: 'collection',
		placeholder: 'Add Option',
		displayOptions: { show },
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 200 },
				default: 50,
				description: 'Records HaloPSA is sent per request',
			},
			{
				displayName: 'Dry Run',
				name: 'dryRun',
				type: 'boolean',
				default: false,
				description: 'Whether to report what would be created, updated or matched without writing anything',
			},
			{
				displayName: 'Field Policy',
				name: 'fieldPolicy',
				type: 'options',
				options: [
					{ name: 'Fill Empty Fields Only', value: 'fillEmpty' },
					{ name: 'Overwrite', value: 'overwrite' },
				],
				default: 'fillEmpty',
				description: 'How matched clients and contacts are updated',
			},
			{
				displayName: 'Inactive Records',
				name: 'inactiveRecords',
				type: 'options',
				options: [
					{
						name: 'Leave As They Are',
						value: 'leave',
						description: 'Write nothing to them; the output says they are inactive',
					},
					{
						name: 'Reactivate',
						value: 'reactivate',
						description: 'Make them active again and update them under the field policy',
					},
					{
						name: 'Update but Leave Inactive',
						value: 'updateOnly',
						description: 'Update them under the field policy; they stay inactive',
					},
				],
				default: 'leave',
				description:
					'What to do with a matched client, site or contact that is inactive in HaloPSA. It is matched either way, never created again.',
			},
			maxAttemptsOption,
			{
				displayName: 'Updatable Fields',
				name: 'updatableFields',
				type: 'multiOptions',
				options: [...new Set([...UPDATABLE_CLIENT_FIELDS, ...UPDATABLE_USER_FIELDS])].map((field) => ({ name: field, value: field })),
				default: [...new Set([...UPDATABLE_CLIENT_FIELDS, ...UPDATABLE_USER_FIELDS])],
				description: 'HaloPSA fields the sync may write on matched records',
			},
		],
	},
];

interface SyncOptions {
	batchSize?: number;
	dryRun?: boolean;
	fieldPolicy?: FieldPolicy;
	inactiveRecords?: InactiveRecords;
	maxAttempts?: number;
	updatableFields?: string[];
}

/** The first failure of an item, if any: a refused record is the item's error. */
function failureOf(result: ItemSyncResult): string | undefined {
	const failed = (['client', 'site', 'user', 'opportunity'] as const).find((entity) => result[entity]?.action === 'failed');
	return failed ? `${failed}: ${result[failed]?.reason}` : undefined;
}

/**
 * What an item's parameters ask for beyond its person and company: the site and the opportunity.
 * They come per item from expressions, so they are checked per item like the item's own fields.
 */
function itemSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { siteName?: string; opportunity?: OpportunitySettings; problem?: InputProblem } {
	const site =
		ctx.getNodeParameter('siteMode', itemIndex) === 'named'
			? checkValue('Site Name', ctx.getNodeParameter('siteName', itemIndex, ''), 'line')
			: { value: undefined };
	if (site.problem) return { problem: site.problem };
	const siteName = (site.value as string | undefined) || undefined;
	const entity = ctx.getNodeParameter('createOpportunity', itemIndex) as 'none' | OpportunitySettings['entity'];
	if (entity === 'none') return { siteName };
	const checked = checkRecord(
		{
			Summary: ctx.getNodeParameter('opportunitySummary', itemIndex),
			Details: ctx.getNodeParameter('opportunityDetails', itemIndex, ''),
			'Ticket Type': ctx.getNodeParameter('opportunityTicketTypeId', itemIndex, ''),
			Agent: ctx.getNodeParameter('opportunityAgentId', itemIndex, ''),
		},
		{ Summary: 'line', Details: 'text', 'Ticket Type': 'id', Agent: 'id' },
		[{ field: 'Summary', why: 'it is how a second run finds the opportunity instead of opening another' }],
	);
	if (checked.problem) return { problem: checked.problem };
	const { Summary, Details, 'Ticket Type': ticketTypeId, Agent } = checked.record;
	return {
		siteName,
		opportunity: {
			entity,
			summary: Summary as string,
			details: (Details as string) || undefined,
			ticketTypeId: (ticketTypeId as number) || undefined,
			agentId: (Agent as number) || undefined,
		},
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const subjects = items.map((item) => syncSubjects(item.json));
	const perItem = subjects.map((subject, itemIndex) => (subject.problem ? {} : itemSettings(this, itemIndex)));
	const problems = subjects.map((subject, itemIndex) => subject.problem ?? perItem[itemIndex].problem);
	// Bad input stops the node before anything is written (unless the workflow continues on failure).
	assertNoProblems(
		this,
		problems.map((problem, itemIndex) => ({ itemIndex, problem })),
	);
	const catchAll =
		this.getNodeParameter('whenNoClient', 0) === 'catchAll'
			? checkValue('Catch-All Client', this.getNodeParameter('catchAllClientId', 0, ''), 'id')
			: { value: undefined };
	if (catchAll.problem) throw new NodeOperationError(this.getNode(), catchAll.problem.message);

	const options = this.getNodeParameter('syncOptions', 0, {}) as SyncOptions;
	const customFields = new CustomFieldResolver(this);
	const valid: Array<{ itemIndex: number; input: SyncInput }> = [];
	for (const [itemIndex, subject] of subjects.entries()) {
		if (problems[itemIndex]) continue;
		valid.push({
			itemIndex,
			input: {
				person: subject.person,
				company: subject.company,
				siteName: perItem[itemIndex].siteName,
				opportunity: perItem[itemIndex].opportunity,
				customFields: {
					client: await customFields.resolve('clientCustomFields', itemIndex),
					user: await customFields.resolve('userCustomFields', itemIndex),
				},
			},
		});
	}
	const settings: SyncSettings = {
		whenNoClient: this.getNodeParameter('whenNoClient', 0) as WhenNoClient,
		catchAllClientId: (catchAll.value as number | undefined) || undefined,
		fieldPolicy: options.fieldPolicy ?? 'fillEmpty',
		updatableFields: options.updatableFields ?? [...UPDATABLE_CLIENT_FIELDS, ...UPDATABLE_USER_FIELDS],
		inactiveRecords: options.inactiveRecords ?? 'leave',
		batchSize: options.batchSize ?? 50,
		dryRun: options.dryRun ?? false,
	};
	const results = await syncToHaloPsa(
		this,
		valid.map((entry) => entry.input),
		settings,
		{ maxAttempts: options.maxAttempts },
	);

	const output: INodeExecutionData[] = items.map((item, itemIndex) => {
		const problem = problems[itemIndex];
		return problem ? errorItem(this, item, itemIndex, `Item ${itemIndex}: ${problem.message}`) : item;
	});
	const failures: string[] = [];
	valid.forEach(({ itemIndex }, index) => {
		const result = results[index];
		const failure = failureOf(result);
		const json: IDataObject = { ...items[itemIndex].json, haloPsa: result as IDataObject, dryRun: settings.dryRun };
		if (failure) {
			failures.push(`Item ${itemIndex}: ${failure}`);
			json.error = `Item ${itemIndex}: ${failure}`;
		}
		output[itemIndex] = paired(json, itemIndex);
	});
	// Every good record is written before a refused one fails the node, so a fixed re-run only adds what is missing.
	if (failures.length > 0 && !this.continueOnFail()) {
		throw new NodeOperationError(this.getNode(), failures[0], {
			description: `${failures.length} item(s) could not be synced; the others were. ${failures.slice(0, 5).join(' | ')}`,
			itemIndex: Number(/^Item (\d+)/.exec(failures[0])?.[1]),
		});
	}
	return output;
}
