import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, INodePropertyOptions } from 'n8n-workflow';

/**
 * HaloPSA's notification events by `eventno`. HaloPSA publishes no list of the numbers: its OpenAPI
 * document types `eventno` as a bare integer. These are the ones a public client registers
 * (docs/provider-contracts.md, "HaloPSA event numbers"); any other is still usable as a raw number.
 */
const HALO_EVENTS: ReadonlyArray<{ eventno: number; name: string; description: string }> = [
	{ eventno: 3, name: 'New Ticket Logged', description: 'A ticket is logged' },
	{ eventno: 19, name: 'Ticket Updated by User', description: 'The end-user updates a ticket' },
	{ eventno: 39, name: 'Closed', description: 'A ticket is closed' },
	{ eventno: 42, name: '1st SLA Warning', description: 'A ticket reaches its first SLA warning' },
	{ eventno: 46, name: '2nd SLA Warning', description: 'A ticket reaches its second SLA warning' },
	{ eventno: 70, name: 'Ticket Deadline', description: 'A ticket reaches its deadline' },
	{ eventno: 76, name: 'Ticket Status Changed', description: "A ticket's status changes" },
	{ eventno: 1072, name: 'Ticket Deleted', description: 'A ticket is deleted' },
];

export const eventOptions: INodePropertyOptions[] = HALO_EVENTS.map(({ eventno, name, description }) => ({
	name,
	value: eventno,
	description: `${description} (eventno ${eventno})`,
})).sort((a, b) => a.name.localeCompare(b.name));

const nameOf = new Map(HALO_EVENTS.map(({ eventno, name }) => [eventno, name]));
const numberOf = new Map(HALO_EVENTS.map(({ eventno, name }) => [name.toLowerCase(), eventno]));

const isEventNumber = (value: number): boolean => Number.isInteger(value) && value >= 0;

function numbered(number: number): IDataObject {
	const name = nameOf.get(number);
	return name === undefined ? { number } : { number, name };
}

/** What a call says its event is: its number and name, each where the call or the table gives it. */
export function describeEvent(value: unknown): IDataObject | undefined {
	const text = typeof value === 'string' ? value.trim() : undefined;
	const number = typeof value === 'number' ? value : text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
	if (number !== undefined) return isEventNumber(number) ? numbered(number) : undefined;
	if (!text) return undefined;
	const known = numberOf.get(text.toLowerCase());
	return known === undefined ? { name: text } : numbered(known);
}

interface ParameterReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
	getNode(): INode;
}

function invalid(ctx: ParameterReader, message: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, {
		description: 'They are the `eventno` values HaloPSA binds to a webhook in Notifications.',
	});
}

function namedEvents(ctx: ParameterReader): number[] {
	const chosen = ctx.getNodeParameter('events', []);
	const values = (Array.isArray(chosen) ? chosen : [chosen])
		.filter((value) => value !== '' && value !== null && value !== undefined)
		.map(Number);
	if (values.some((value) => !isEventNumber(value))) throw invalid(ctx, 'Events must be HaloPSA event numbers');
	return values;
}

function otherEventNumbers(ctx: ParameterReader): number[] {
	const entries = String(ctx.getNodeParameter('eventNumbers', '') ?? '')
		.split(/[\s,]+/)
		.filter(Boolean);
	const wrong = entries.find((entry) => !/^\d+$/.test(entry));
	if (wrong !== undefined) {
		throw invalid(ctx, `Other Event Numbers must be whole numbers separated by commas, and "${wrong}" is not one`);
	}
	return entries.map(Number);
}

/**
 * The events chosen under Events and Other Event Numbers together, sorted and without repeats.
 * `required` when they are what the webhook gets bound to: a webhook on no event never fires.
 */
export function selectedEvents(ctx: ParameterReader, required: boolean): number[] {
	const events = [...new Set([...namedEvents(ctx), ...otherEventNumbers(ctx)])].sort((a, b) => a - b);
	if (required && events.length === 0) {
		throw invalid(ctx, 'Choose at least one HaloPSA event under Events or Other Event Numbers');
	}
	return events;
}
