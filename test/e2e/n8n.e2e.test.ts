import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

import {
	OWNER,
	ROOT,
	ensureN8n,
	executeWorkflow,
	exampleFiles,
	freshUserFolder,
	importCredentials,
	importWorkflows,
	installPackage,
	n8nCli,
	n8nEnv,
	nodeOutput,
	packPackage,
	setupOwner,
	signedWebhookWorkflow,
	startN8n,
	webhookRegistered,
} from '../../scripts/e2e/n8n-instance';
import type { N8nRuntime, RunningN8n } from '../../scripts/e2e/n8n-instance';
import { PHONE_WEBHOOK_TOKEN, sandboxCredentialsFor, sandboxSecrets } from '../../scripts/e2e/sandbox-credentials';
import { peopleRemembered } from '../../scripts/e2e/held-enrichment';
import { saveBatch } from '../../sandbox/halopsa-entities';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { GHL_TOUR_CALENDAR_ID, goHighLevelTour } from './gohighlevel-tour';
import { haloPsaTour } from './halopsa-tour';
import { hmacHex } from '../triggers/fixtures';
import {
	GHL_CUSTOM,
	GHL_HOOK_TOKEN,
	GITHUB_SECRET,
	HALO_HOOK_TOKEN,
	HALO_TRIGGER,
	HELD,
	triggerCredentials,
	triggerWorkflows,
} from './trigger-workflows';

const PORT = 5688;
/** Debian's Chromium, which CI installs; playwright-core never downloads a browser of its own. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGE = 'n8n-nodes-halopsa-b2b';
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
const nodeNames = manifest.n8n.nodes.map((path) => {
	const file = path.split('/').pop() as string;
	const className = file.replace('.node.js', '');
	return className[0].toLowerCase() + className.slice(1);
});
const credentialNames = manifest.n8n.credentials.map((path) => {
	const className = (path.split('/').pop() as string).replace('.credentials.js', '');
	return className[0].toLowerCase() + className.slice(1);
});

const highLevelKeys = generateKeyPairSync('ed25519');
/** A workflow started by Apollo's unsigned phone reveal callbacks, its secret in the URL. */
const PHONE_WORKFLOW = 'b2bApolloPhone01';
const PHONE_WEBHOOK = 'b2b-apollo-phone-reveals';
let runtime: N8nRuntime;
let sandbox: Sandbox;
let userFolder: string;
let env: NodeJS.ProcessEnv;
/** Everything n8n printed in this suite, CLI runs and server alike: secrets must be absent from it. */
let logs = '';

beforeAll(async () => {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
	userFolder = freshUserFolder('n8n-b2b-e2e-');
	const tarball = packPackage(join(userFolder, 'pack'));
	runtime = ensureN8n();
	installPackage(userFolder, tarball);
	sandbox = await startSandbox();
	env = n8nEnv(userFolder, PORT);
	await importCredentials(runtime, env, sandboxCredentialsFor(sandbox.url, sandbox.issueGoHighLevelSession()));
	await importWorkflows(runtime, env, exampleFiles());
	// Example 2 as shipped trusts HighLevel's own key; this copy trusts a key whose private half the test holds.
	const example2 = JSON.parse(readFileSync(join(ROOT, 'examples', '02-signed-highlevel-webhook-to-halopsa.json'), 'utf8'));
	example2.nodes[0].parameters.options = {
		ed25519PublicKey: highLevelKeys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
	};
	const copy = join(userFolder, 'example2-test-key.json');
	writeFileSync(copy, JSON.stringify(example2));
	await importWorkflows(runtime, env, [copy]);
	const phones = join(userFolder, 'apollo-phone-reveals.json');
	writeFileSync(
		phones,
		JSON.stringify(
			signedWebhookWorkflow(
				PHONE_WORKFLOW,
				PHONE_WEBHOOK,
				{ id: 'b2bSandboxPhoneHk', name: 'Apollo phone reveal URL secret (sandbox)' },
				{
					preset: 'apolloUrlSecret',
				},
			),
		),
	);
	await importWorkflows(runtime, env, [phones]);
	await importCredentials(runtime, env, triggerCredentials);
	const more = [haloPsaTour(), goHighLevelTour(), ...triggerWorkflows()].map((workflow) => {
		const file = join(userFolder, `${workflow.id}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		return file;
	});
	await importWorkflows(runtime, env, more);
	for (const id of ['b2bExample000002', PHONE_WORKFLOW, HALO_TRIGGER.id, GHL_CUSTOM.id, HELD.id, HELD.split.id, HELD.split.subId]) {
		const published = await n8nCli(runtime, env, ['publish:workflow', `--id=${id}`]);
		expect({ id, code: published.code }).toEqual({ id, code: 0 });
	}
}, 900_000);

afterAll(async () => await sandbox?.stop());

async function run(id: string) {
	const { result, execution } = await executeWorkflow(runtime, env, id);
	logs += result.stdout + result.stderr;
	return execution;
}

/** An execution's status, with n8n's error when it failed, so a failure explains itself. */
const outcome = (execution: Awaited<ReturnType<typeof executeWorkflow>>['execution']) =>
	execution?.status === 'success' ? { status: 'success' } : { status: execution?.status, error: execution?.data.resultData.error?.message };

const haloWrites = (since: number) =>
	sandbox.requests({ provider: 'haloPsa' }).filter((entry) => entry.seq > since && entry.method === 'POST' && entry.path.startsWith('/api'))
		.length;
const sandboxApolloKey = () => sandboxCredentialsFor(sandbox.url).find((entry) => entry.type === 'b2bApolloApi')!.data.apiKey as string;
const lastSeq = () => sandbox.log[sandbox.log.length - 1]?.seq ?? 0;
const halo = () =>
	sandbox.dumpState('haloPsa') as {
		clients: Array<{ id: number; name: string }>;
		users: Array<{ emailaddress: string }>;
		opportunities: Array<{ id: number; user_id: number; customfields?: Array<{ id: number; value: unknown }> }>;
	};

describe('the packed package in n8n 2.x', () => {
	it('registers every node, its AI tool variant, and loads without errors', async () => {
		const file = join(userFolder, 'nodes.json');
		const { code, stderr } = await n8nCli(runtime, env, ['export:nodes', `--output=${file}`]);
		logs += stderr;
		expect(code).toBe(0);
		const types = (JSON.parse(readFileSync(file, 'utf8')) as Array<{ name: string; usableAsTool?: boolean }>).map((node) => node.name);
		for (const name of nodeNames) {
			expect(types).toContain(`${PACKAGE}.${name}`);
		}
		for (const name of ['b2bPeopleSearch', 'b2bEnrichment', 'b2bHaloPsa']) expect(types).toContain(`${PACKAGE}.${name}Tool`);
	});

	it('example 1 (scheduled prospecting) writes exactly what its output says; a second run pays for and writes nothing; a new director is the only one paid for', async () => {
		const itDirectors = () =>
			sandbox.fixtures.people.filter((person) => person.seniority === 'director' && person.title.toLowerCase().includes('director of it'));
		/** The first name of every person a paid lookup asked about since `since`: Apollo matches and Hunter's finder. */
		const paidLookups = (since: number): string[] =>
			sandbox
				.requests({})
				.filter((entry) => entry.seq > since)
				.flatMap((entry) => {
					const body = entry.body as { first_name?: string; details?: Array<{ first_name?: string }> } | undefined;
					if (entry.path.endsWith('/people/bulk_match')) return (body?.details ?? []).map((detail) => String(detail.first_name));
					if (entry.path.endsWith('/people/match')) return [String(body?.first_name)];
					if (entry.path.endsWith('/email-finder')) return [String(entry.query.first_name)];
					return [];
				});
		const before = lastSeq();
		const first = await run('b2bExample000001');
		expect(outcome(first)).toEqual({ status: 'success' });
		const synced = nodeOutput(first, 'Sync to HaloPSA') as Array<{
			person?: { email?: string };
			haloPsa: { user?: { action: string; id?: number }; opportunity?: { action: string } };
		}>;
		expect(synced.length).toBe(itDirectors().length);
		const created = synced.filter((item) => item.haloPsa.user?.action === 'created');
		const withEmail = synced.filter((item) => item.person?.email !== undefined);
		expect(created.length).toBe(new Set(withEmail.map((item) => item.person?.email)).size);
		expect(
			halo()
				.users.map((user) => user.emailaddress)
				.sort(),
		).toEqual([...new Set(withEmail.map((item) => item.person?.email as string))].sort());
		expect(halo().opportunities).toHaveLength(created.length);
		expect(haloWrites(before)).toBeGreaterThan(0);
		expect(paidLookups(before).length).toBeGreaterThan(0);

		// The same search results the next day: n8n saved both nodes' memories after the first run.
		const haloAfterFirst = JSON.stringify(sandbox.dumpState('haloPsa'));
		const between = lastSeq();
		const second = await run('b2bExample000001');
		expect(outcome(second)).toEqual({ status: 'success' });
		expect(nodeOutput(second, 'Find IT Directors')).toHaveLength(0);
		expect(paidLookups(between)).toEqual([]);
		expect(haloWrites(between)).toBe(0);
		expect(JSON.stringify(sandbox.dumpState('haloPsa'))).toBe(haloAfterFirst);

		// A director joins one of the companies: the third run pays for that one person only.
		const template = itDirectors()[0];
		const company = sandbox.fixtures.company(template.companyId)!;
		const newcomer = sandbox.fixtures.addPerson({
			...template,
			id: sandbox.fixtures.nextPersonId(),
			firstName: 'Nova',
			lastName: 'Newhire',
			email: `nova.newhire@${company.domain}`,
			linkedinUrl: 'https://www.linkedin.com/in/nova-newhire',
			knownBy: { ...template.knownBy, apollo: true },
		});
		const beforeThird = lastSeq();
		const third = await run('b2bExample000001');
		expect(outcome(third)).toEqual({ status: 'success' });
		const found = nodeOutput(third, 'Find IT Directors') as Array<{ person: { firstName?: string } }>;
		expect(found.map((item) => item.person.firstName)).toEqual([newcomer.firstName]);
		const paidThird = paidLookups(beforeThird);
		expect(paidThird.length).toBeGreaterThan(0);
		expect(new Set(paidThird)).toEqual(new Set([newcomer.firstName]));
		expect(halo().users.map((user) => user.emailaddress)).toContain(newcomer.email);
	});

	it('example 4 (company list) shares one lookup for a repeated domain; an expired ZoomInfo JWT is renewed by n8n', async () => {
		const logins = () => sandbox.requests({ provider: 'zoomInfo', pathIncludes: '/authenticate' }).length;
		const first = await run('b2bExample000004');
		expect(outcome(first)).toEqual({ status: 'success' });
		const enriched = nodeOutput(first, 'Enrich Companies (ZoomInfo)') as Array<{
			company: { domain: string; industry?: string };
			enrichment: { duplicateOfItem?: number };
		}>;
		expect(enriched).toHaveLength(5);
		expect(enriched[4].enrichment.duplicateOfItem).toBe(0);
		expect(enriched.every((item) => item.company.industry !== undefined)).toBe(true);
		const companies = new Set(enriched.map((item) => item.company.domain));
		expect(
			halo().clients.filter((client) => companies.has(client.name) || enriched.some((item) => item.company.domain && client.name)).length,
		).toBeGreaterThanOrEqual(companies.size);
		const loginsAfterFirst = logins();

		// The JWT n8n saved in the credential is now refused: n8n must renew it and repeat the request.
		sandbox.expireTokens('zoomInfo');
		const between = lastSeq();
		const second = await run('b2bExample000004');
		expect(outcome(second)).toEqual({ status: 'success' });
		expect(logins()).toBe(loginsAfterFirst + 1);
		expect(haloWrites(between)).toBe(0);
	});

	it("example 3 puts the opportunities' contacts into a Thrio outbound list, once, with no Code node", async () => {
		const thrio = () =>
			sandbox.dumpState('thrio') as {
				leads: Record<string, Array<{ phone: string; externalId?: string }>>;
			};
		// An opportunity whose contact has no phone, and one without a contact: each must leave by an error output.
		const [client] = halo().clients;
		const strict = { refuseUnknownFields: true };
		const [quiet] = saveBatch(sandbox.state.haloPsa, 'Users', [{ name: 'Quinn Quiet', client_id: client.id }], strict);
		saveBatch(
			sandbox.state.haloPsa,
			'Opportunities',
			[
				{ summary: 'Quiet lead', client_id: client.id, user_id: quiet.id },
				{ summary: 'Nobody to call', client_id: client.id },
			],
			strict,
		);
		const first = await run('b2bExample000003');
		expect(outcome(first)).toEqual({ status: 'success' });
		const open = nodeOutput(first, 'Open Opportunities');
		expect(open.length).toBe(halo().opportunities.length);
		// Every opportunity leaves Their Contacts by one output: its contact, or the error of one without a contact.
		const contacts = nodeOutput(first, 'Their Contacts');
		const withoutContact = nodeOutput(first, 'Their Contacts', 1);
		expect(withoutContact.map((item) => String(item.error))).toEqual([expect.stringContaining('User')]);
		expect(contacts.length + withoutContact.length).toBe(open.length);
		const sent = nodeOutput(first, 'Into Outbound List');
		const unreachable = nodeOutput(first, 'Into Outbound List', 1);
		expect(sent.length).toBeGreaterThan(0);
		expect(sent.length + unreachable.length).toBe(contacts.length);
		expect(unreachable.length).toBeGreaterThan(0);
		expect(unreachable.every((item) => String(item.error).includes('a lead needs a phone'))).toBe(true);
		const leads = thrio().leads['0000000000000000000000a1'] ?? [];
		expect(leads.map((lead) => lead.externalId).sort()).toEqual(sent.map((lead) => lead.externalId as string).sort());
		const marked = () =>
			halo().opportunities.filter((opportunity) => opportunity.customfields?.some((field) => field.id === 205 && field.value === 'yes'));
		expect(marked()).toHaveLength(sent.length);
		expect(nodeOutput(first, 'Mark Sent to Dialer').map((item) => item.id)).toEqual(marked().map((opportunity) => opportunity.id));

		// The marked ones are filtered out; the others have no phone still, so nothing goes to Thrio.
		const thrioBefore = sandbox.requests({ provider: 'thrio' }).filter((entry) => entry.method === 'POST').length;
		const second = await run('b2bExample000003');
		expect(outcome(second)).toEqual({ status: 'success' });
		expect(nodeOutput(second, 'Open Opportunities')).toHaveLength(open.length - sent.length);
		expect(sandbox.requests({ provider: 'thrio' }).filter((entry) => entry.method === 'POST').length).toBe(thrioBefore);
		expect(thrio().leads['0000000000000000000000a1']).toHaveLength(leads.length);
	});

	it('every new HaloPSA operation runs in n8n: actions, quotes, assets, contracts, appointments, sales fields, Other Fields, Person output', async () => {
		const execution = await run('b2bHaloTour00001');
		expect(outcome(execution)).toEqual({ status: 'success' });
		const one = (step: string) => {
			const output = nodeOutput(execution, step);
			expect({ step, empty: output.length === 0 }).toEqual({ step, empty: false });
			return output[0];
		};
		const state = sandbox.dumpState('haloPsa') as Record<string, Array<Record<string, unknown>>>;
		const clientId = one('Create Client').id;
		expect(state.clients.find((client) => client.id === clientId)).toMatchObject({ name: 'Tour Client Ltd', notes: 'Met at the fair' });
		expect(state.opportunities.find((opportunity) => opportunity.id === one('Create Opportunity').id)).toMatchObject({
			oppvalue: 5000,
			oppconversionprobability: 60,
			client_id: clientId,
		});
		expect(nodeOutput(execution, 'Get Actions').map((action) => action.note)).toContain('Called: interested');
		for (const [label, table, field, value] of [
			['Quote', 'quotes', 'title', 'Tour quote, revised'],
			['Asset', 'assets', 'notes', 'Reimaged'],
			['Contract', 'contracts', 'periodchargeamount', 1200],
			['Appointment', 'appointments', 'subject', 'Tour kickoff, moved'],
		] as const) {
			const id = one(`Create ${label}`).id;
			expect({ label, got: one(`Get ${label}`).id }).toEqual({ label, got: id });
			expect({ label, listed: nodeOutput(execution, `Get ${label}s`).some((record) => record.id === id) }).toEqual({ label, listed: true });
			expect({ label, updated: one(`Update ${label}`)[field] }).toEqual({ label, updated: value });
			expect(one(`Delete ${label}`)).toEqual({ deleted: true, id });
			expect({ label, kept: state[table].some((record) => record.id === id) }).toEqual({ label, kept: false });
		}
		expect(one('Contact as Person')).toMatchObject({
			person: {
				firstName: 'Tess',
				lastName: 'Tour',
				email: 'tess.tour@tour.example',
				phones: [{ number: '+1 512 555 0199', type: 'work' }],
			},
			company: { name: 'Tour Client Ltd' },
		});
	});
	it('every new GoHighLevel operation runs in n8n: tasks, notes, free slots and booking, workflow membership', async () => {
		const before = lastSeq();
		const execution = await run('b2bGhlTour000001');
		expect(outcome(execution)).toEqual({ status: 'success' });
		const one = (step: string) => {
			const [first] = nodeOutput(execution, step);
			expect({ step, output: first === undefined ? 'none' : 'some' }).toEqual({ step, output: 'some' });
			return first;
		};
		const contactId = (one('Upsert Tour Contact').contact as { id: string }).id;
		const taskId = one('Create Task').id;
		expect(nodeOutput(execution, 'Get Tasks').map((task) => task.id)).toEqual([taskId]);
		expect(one('Update Task')).toMatchObject({ id: taskId, title: 'Call Tess back, revised' });
		expect(one('Complete Task')).toMatchObject({ id: taskId, completed: true });
		expect(one('Delete Task')).toMatchObject({ deleted: true, id: taskId });
		expect(nodeOutput(execution, 'Get Notes').map((note) => note.body)).toEqual(['Met Tess on the tour']);
		const slot = one('Get Free Slots') as { startTime: string };
		const location = (sandbox.dumpState('goHighLevel') as { locations: Array<Record<string, Array<Record<string, unknown>>>> })
			.locations[0];
		expect(location.tasks.filter((task) => task.contactId === contactId)).toEqual([]);
		expect(location.appointments.find((appointment) => appointment.contactId === contactId)).toMatchObject({
			calendarId: GHL_TOUR_CALENDAR_ID,
			startTime: new Date(slot.startTime).toISOString(),
			title: 'Tour discovery call',
		});
		expect(one('Add to Workflow')).toMatchObject({ added: true, contactId });
		expect(one('Remove from Workflow')).toMatchObject({ removed: true, contactId });
		const membership = sandbox
			.requests({ provider: 'goHighLevel', pathIncludes: `/contacts/${contactId}/workflow/` })
			.filter((entry) => entry.seq > before)
			.map((entry) => entry.method);
		expect(membership).toEqual(['POST', 'DELETE']);
	});
});

describe('a running n8n', () => {
	let n8n: RunningN8n;
	let cookie: string;

	beforeAll(async () => {
		n8n = await startN8n(runtime, env, PORT);
		cookie = await setupOwner(n8n.url);
	}, 300_000);

	afterAll(async () => {
		logs += n8n?.log() ?? '';
		await n8n?.stop();
	});

	const rest = async (path: string, init: RequestInit = {}) => {
		const response = await fetch(`${n8n.url}/rest${path}`, {
			...init,
			headers: { 'content-type': 'application/json', cookie, ...(init.headers ?? {}) },
		});
		return {
			status: response.status,
			body: (await response.json().catch(() => undefined)) as { data?: unknown } & Record<string, unknown>,
		};
	};
	/** A workflow's executions, newest first: n8n lists one as soon as it starts. */
	const executionsOf = async (workflowId: string) =>
		(
			(await rest('/executions?filter=' + encodeURIComponent(JSON.stringify({ workflowId })))).body.data as {
				results: Array<{ id: string; status: string }>;
			}
		).results;
	/** The workflow's finished executions, once there are `count` of them (or 20 s have passed). */
	const finishedExecutions = async (workflowId: string, count: number) => {
		const finished = async () => (await executionsOf(workflowId)).filter((execution) => !['new', 'running'].includes(execution.status));
		for (let waited = 0; waited < 20_000 && (await finished()).length < count; waited += 250)
			await new Promise((done) => setTimeout(done, 250));
		return await finished();
	};

	it('knows every credential type of the package', async () => {
		const response = await fetch(`${n8n.url}/types/credentials.json`, { headers: { cookie } });
		const types = ((await response.json()) as Array<{ name: string }>).map((type) => type.name);
		for (const name of credentialNames) expect(types).toContain(name);
	});

	it('"Test connection" passes through n8n\'s own machinery with good values and fails clearly with bad ones', async () => {
		const credentials = sandboxCredentialsFor(sandbox.url);
		for (const credential of credentials.filter((entry) => entry.type !== 'b2bGoHighLevelSessionApi')) {
			const good = await rest('/credentials/test', { method: 'POST', body: JSON.stringify({ credentials: credential }) });
			// A webhook secret has no server to ask: its test says the secret is usable and how to prove it.
			const message = credential.type === 'b2bWebhookSecretApi' ? expect.stringContaining('send a test webhook') : 'Connection successful!';
			expect({ type: credential.type, result: good.body.data }).toEqual({ type: credential.type, result: { status: 'OK', message } });
		}
		const apollo = credentials.find((entry) => entry.type === 'b2bApolloApi')!;
		const bad = await rest('/credentials/test', {
			method: 'POST',
			body: JSON.stringify({ credentials: { ...apollo, data: { ...apollo.data, apiKey: 'wrong-key-123456' } } }),
		});
		expect(bad.body.data).toMatchObject({ status: 'Error' });
		expect(JSON.stringify(bad.body)).not.toContain('wrong-key-123456');
	});

	it("answers the resource locators' From List searches through n8n's own endpoint, with the records the tours wrote", async () => {
		const search = async (node: string, methodName: string, filter: string, parameters: object, credentials: object) =>
			await rest('/dynamic-node-parameters/resource-locator-results', {
				method: 'POST',
				body: JSON.stringify({
					path: 'id',
					nodeTypeAndVersion: { name: `${PACKAGE}.${node}`, version: 2 },
					currentNodeParameters: parameters,
					methodName,
					filter,
					credentials,
				}),
			});
		const clients = await search(
			'b2bHaloPsa',
			'searchClient',
			'Tour',
			{ resource: 'client', operation: 'get' },
			{ b2bHaloPsaOAuth2Api: { id: 'b2bSandboxHaloPsa', name: 'HaloPSA (sandbox)' } },
		);
		const tourClient = halo().clients.find((client) => client.name === 'Tour Client Ltd');
		expect({ status: clients.status, data: clients.body.data }).toEqual({
			status: 200,
			data: expect.objectContaining({
				results: [expect.objectContaining({ name: expect.stringContaining('Tour Client Ltd'), value: tourClient?.id })],
			}),
		});
		const contacts = await search(
			'b2bGoHighLevel',
			'searchContacts',
			'tess',
			{ authentication: 'privateIntegrationToken', resource: 'task', operation: 'getMany' },
			{ b2bGoHighLevelApi: { id: 'b2bSandboxGhlV2', name: 'GoHighLevel v2 (sandbox)' } },
		);
		expect({ status: contacts.status, data: contacts.body.data }).toEqual({
			status: 200,
			data: expect.objectContaining({ results: [expect.objectContaining({ name: 'Tess Tour (tess.tour@tour.example)' })] }),
		});
	});

	describe('a signed webhook on an active workflow', () => {
		const url = () => `${n8n.url}/webhook/b2b-example-ghl-contacts/webhook`;
		const event = (webhookId: string, email: string) =>
			JSON.stringify({
				type: 'ContactCreate',
				locationId: 'loc-sandbox-1',
				id: `c-${webhookId}`,
				firstName: 'Webhook',
				lastName: 'Person',
				email,
				companyName: 'Hooked Inc',
				website: 'https://hooked.example',
				timestamp: new Date().toISOString(),
				webhookId,
			});
		const post = async (body: string, signature?: string) =>
			await fetch(url(), {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...(signature ? { 'x-ghl-signature': signature } : {}) },
				body,
			});
		const signed = (body: string) => sign(null, Buffer.from(body), highLevelKeys.privateKey).toString('base64');
		const executions = async () => (await executionsOf('b2bExample000002')).length;
		const settled = async (expected: number) => {
			for (let waited = 0; waited < 20_000 && (await executions()) < expected; waited += 250)
				await new Promise((done) => setTimeout(done, 250));
			return await executions();
		};

		it('each correctly signed request starts exactly one execution that writes to HaloPSA', async () => {
			// The production URL answers 404 for a moment after start, until the workflow is activated.
			let probe = await post('{}');
			for (let waited = 0; probe.status === 404 && waited < 30_000; waited += 500) {
				await new Promise((done) => setTimeout(done, 500));
				probe = await post('{}');
			}
			expect(probe.status).toBe(401);
			const before = await executions();
			// Two events: n8n 2.40.7 saved a trigger's first replay id even when it lost the later ones.
			for (const [index, [id, email]] of [
				['wh-1', 'webhook.person@hooked.example'],
				['wh-1b', 'second.person@hooked.example'],
			].entries()) {
				const body = event(id, email);
				const response = await post(body, signed(body));
				expect(response.status).toBe(200);
				expect(await response.json()).toEqual({ message: 'Workflow was started' });
				expect(await settled(before + index + 1)).toBe(before + index + 1);
			}
			await new Promise((done) => setTimeout(done, 1500));
			expect(await executions()).toBe(before + 2);
			expect(halo().users.map((user) => user.emailaddress)).toEqual(
				expect.arrayContaining(['webhook.person@hooked.example', 'second.person@hooked.example']),
			);
		});

		it('unsigned, wrongly signed and replayed requests get 401 and start nothing', async () => {
			const before = await executions();
			const body = event('wh-2', 'nobody@hooked.example');
			expect((await post(body)).status).toBe(401);
			expect((await post(body, signed(body.replace('nobody', 'n0body')))).status).toBe(401);
			const replayed = event('wh-1', 'webhook.person@hooked.example');
			expect((await post(replayed, signed(replayed))).status).toBe(401);
			await new Promise((done) => setTimeout(done, 1500));
			expect(await executions()).toBe(before);
			expect(halo().users.map((user) => user.emailaddress)).not.toContain('nobody@hooked.example');
		});
	});

	describe('the HaloPSA and GoHighLevel triggers of version 2', () => {
		/** Waits for `count` finished executions of the workflow and returns their stored data, newest first. */
		const triggerOutputs = async (workflowId: string, count: number) => {
			await finishedExecutions(workflowId, count);
			// A second copy would be listed by now.
			await new Promise((done) => setTimeout(done, 1000));
			const executions = await finishedExecutions(workflowId, count);
			expect(executions).toHaveLength(count);
			const outputs = [];
			for (const execution of executions) {
				const detail = (await rest(`/executions/${execution.id}`)).body.data as { data: string };
				outputs.push(detail.data);
			}
			return outputs;
		};
		const post = async (url: string, body: unknown, authorization?: string) =>
			await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
				body: JSON.stringify(body),
			});

		it('HaloPSA Trigger: registers itself for the named events on activation, and starts a run only for them', async () => {
			const url = `${n8n.url}/webhook/${HALO_TRIGGER.path}/webhook`;
			await webhookRegistered(url);
			const state = sandbox.dumpState('haloPsa') as {
				webhooks: Array<{ id: number; url: string }>;
				notifications: Array<{ webhook_id: number; eventno: number }>;
			};
			const webhook = state.webhooks.find((candidate) => candidate.url === url);
			expect(webhook).toBeDefined();
			expect(
				state.notifications
					.filter((notification) => notification.webhook_id === webhook?.id)
					.map((notification) => notification.eventno)
					.sort((a, b) => a - b),
			).toEqual([3, 76]);
			const bearer = `Bearer ${HALO_HOOK_TOKEN}`;
			expect((await post(url, { event: 3, object_id: 501 }, 'Bearer not-the-token-at-all')).status).toBe(401);
			const ignored = await post(url, { event: 39, object_id: 502 }, bearer);
			expect({ status: ignored.status, body: await ignored.json() }).toEqual({
				status: 200,
				body: expect.objectContaining({ ignored: expect.any(String) }),
			});
			expect((await post(url, { event: 76, object_id: 503 }, bearer)).status).toBe(200);
			const [stored] = await triggerOutputs(HALO_TRIGGER.id, 1);
			expect(stored).toContain('Ticket Status Changed');
			expect(stored).toContain('503');
			expect(stored).not.toContain(HALO_HOOK_TOKEN);
		});

		it('GoHighLevel Trigger: a Custom Webhook secret is checked, a repeated event id refused, and the contact comes out as a Person', async () => {
			const url = `${n8n.url}/webhook/${GHL_CUSTOM.path}/webhook`;
			await webhookRegistered(url);
			const body = {
				event_id: 'ghl-custom-1',
				first_name: 'Cora',
				last_name: 'Custom',
				email: 'Cora.Custom@custom.example',
				phone: '+1 512 555 0142',
				company_name: 'Custom Hooks LLC',
			};
			expect((await post(url, body)).status).toBe(401);
			expect((await post(url, body, 'Bearer not-the-secret-at-all-0000')).status).toBe(401);
			const accepted = await post(url, body, `Bearer ${GHL_HOOK_TOKEN}`);
			expect({ status: accepted.status, body: await accepted.json() }).toEqual({ status: 200, body: { message: 'Workflow was started' } });
			expect((await post(url, body, `Bearer ${GHL_HOOK_TOKEN}`)).status).toBe(401);
			const [stored] = await triggerOutputs(GHL_CUSTOM.id, 1);
			expect(stored).toContain('cora.custom@custom.example');
			expect(stored).toContain('Custom Hooks LLC');
			expect(stored).not.toContain(GHL_HOOK_TOKEN);
		});
	});

	describe('after n8n restarts', () => {
		/** Two people's first events a second apart, the first held 5 s and the second 1 s, so the first run ends last. */
		const heldEvents = (numbers: number) =>
			sandbox.fixtures.people
				.filter((person) => person.email && person.knownBy.apollo)
				.slice(numbers, numbers + 2)
				.map((person, n) => {
					const body = JSON.stringify({ action: 'opened', number: numbers + n, hold: n === 0 ? 5 : 1, sender: { email: person.email } });
					return { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${hmacHex(GITHUB_SECRET, body)}` } };
				});
		let held: Record<'oneWorkflow' | 'split', ReturnType<typeof heldEvents>>;
		const heldUrl = (webhookId: string) => `${n8n.url}/webhook/${webhookId}/webhook`;
		const post = async (url: string, event: { body: string; headers: Record<string, string> }) =>
			(await fetch(url, { method: 'POST', body: event.body, headers: event.headers })).status;
		const succeeded = async (workflowId: string, count: number) => {
			const done = async () => (await executionsOf(workflowId)).filter((execution) => execution.status === 'success');
			for (let waited = 0; waited < 30_000 && (await done()).length < count; waited += 250)
				await new Promise((wait) => setTimeout(wait, 250));
			return (await done()).length;
		};
		const remembered = async (workflowId: string) =>
			peopleRemembered(
				((await rest(`/workflows/${workflowId}`)).body.data as { staticData?: Record<string, Record<string, object>> }).staticData,
			);

		beforeAll(async () => {
			held = { oneWorkflow: heldEvents(0), split: heldEvents(2) };
			for (const [url, events, runsOf] of [
				[heldUrl(HELD.webhookId), held.oneWorkflow, [HELD.id]],
				[heldUrl(HELD.split.webhookId), held.split, [HELD.split.id, HELD.split.subId]],
			] as const) {
				await webhookRegistered(url);
				expect(await post(url, events[0])).toBe(200);
				await new Promise((done) => setTimeout(done, 1000));
				expect(await post(url, events[1])).toBe(200);
				for (const workflowId of runsOf)
					expect({ workflowId, succeeded: await succeeded(workflowId, 2) }).toEqual({ workflowId, succeeded: 2 });
			}
			logs += n8n.log();
			await n8n.stop();
			n8n = await startN8n(runtime, env, PORT);
		}, 240_000);

		it('replayed HighLevel events are still refused and start nothing: the ids are in its database', async () => {
			const workflowExecutions = async () => (await executionsOf('b2bExample000002')).length;
			const before = await workflowExecutions();
			const url = `${n8n.url}/webhook/b2b-example-ghl-contacts/webhook`;
			await webhookRegistered(url);
			for (const [id, email] of [
				['wh-1', 'webhook.person@hooked.example'],
				['wh-1b', 'second.person@hooked.example'],
			]) {
				const replayed = JSON.stringify({
					type: 'ContactCreate',
					locationId: 'loc-sandbox-1',
					id: `c-${id}`,
					firstName: 'Webhook',
					lastName: 'Person',
					email,
					timestamp: new Date().toISOString(),
					webhookId: id,
				});
				const signature = sign(null, Buffer.from(replayed), highLevelKeys.privateKey).toString('base64');
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-ghl-signature': signature },
					body: replayed,
				});
				expect({ id, status: response.status, text: await response.text() }).toEqual({
					id,
					status: 401,
					text: expect.stringContaining('already received'),
				});
			}
			await new Promise((done) => setTimeout(done, 1500));
			expect(await workflowExecutions()).toBe(before);
		}, 240_000);

		// What n8n does, which the README's advice rests on: a run saves the static data it read when it started,
		// plus its own changes, so the run that ends last drops the id the trigger saved meanwhile.
		it('a trigger in the same workflow as the memory: the later event, whose run ended first, is accepted again', async () => {
			const url = heldUrl(HELD.webhookId);
			await webhookRegistered(url);
			expect({ people: await remembered(HELD.id) }).toEqual({ people: 1 });
			expect([await post(url, held.oneWorkflow[0]), await post(url, held.oneWorkflow[1])]).toEqual([401, 200]);
		});

		it("split, the trigger's workflow calling the memory's: both replays are refused", async () => {
			const url = heldUrl(HELD.split.webhookId);
			await webhookRegistered(url);
			expect([await post(url, held.split[0]), await post(url, held.split[1])]).toEqual([401, 401]);
			expect(await remembered(HELD.split.subId)).toBeGreaterThan(0);
			await new Promise((done) => setTimeout(done, 1500));
			expect((await executionsOf(HELD.split.id)).length).toBe(2);
		});
	});

	describe("Apollo's unsigned phone reveal callback", () => {
		const url = () => `${n8n.url}/webhook/${PHONE_WEBHOOK}/webhook`;
		const executions = async () => await executionsOf(PHONE_WORKFLOW);
		const reveal = async (webhookUrl: string, email: string) => {
			const before = sandbox.state.apollo.webhookDeliveries.length;
			const response = await fetch(`${sandbox.url}/apollo/api/v1/people/match`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-api-key': sandboxApolloKey() },
				body: JSON.stringify({ email, reveal_phone_number: true, webhook_url: webhookUrl }),
			});
			expect(response.status).toBe(200);
			for (let waited = 0; waited < 10_000 && sandbox.state.apollo.webhookDeliveries[before]?.status === undefined; waited += 100)
				await new Promise((done) => setTimeout(done, 100));
			return sandbox.state.apollo.webhookDeliveries[before];
		};

		it('starts one execution carrying the phones when the URL holds the secret, and none without it', async () => {
			await webhookRegistered(url());
			const person = sandbox.fixtures.people.find((candidate) => candidate.email && candidate.phone)!;
			expect((await reveal(url(), person.email!)).status).toBe(401);
			expect((await reveal(`${url()}?token=not-the-token-at-all`, person.email!)).status).toBe(401);
			expect(await executions()).toHaveLength(0);
			expect((await reveal(`${url()}?token=${PHONE_WEBHOOK_TOKEN}`, person.email!)).status).toBe(200);
			const [execution] = await finishedExecutions(PHONE_WORKFLOW, 1);
			expect(execution).toMatchObject({ status: 'success' });
			const stored = JSON.stringify((await rest(`/executions/${execution.id}`)).body);
			expect(stored).toContain(person.phone!.replace(/[^\d+]/g, ''));
			expect(stored).not.toContain(PHONE_WEBHOOK_TOKEN);
			await new Promise((done) => setTimeout(done, 1500));
			expect(await executions()).toHaveLength(1);
		});
	});

	describe('the editor in a browser', () => {
		const shots = join(ROOT, 'test-results', 'editor');
		let browser: Browser;
		let page: Page;
		const errors: string[] = [];
		/** n8n's editor asks every node, its own Code node included, for optional output schemas; 404 means none. */
		let schemaProbes = 0;
		let loadFailures = 0;

		beforeAll(async () => {
			mkdirSync(shots, { recursive: true });
			browser = await chromium.launch({
				executablePath: CHROMIUM,
				args: [
					'--headless',
					'--no-sandbox',
					'--disable-gpu',
					'--disable-quic',
					'--no-first-run',
					'--disable-background-networking',
					'--disable-component-update',
					'--disable-sync',
				],
			});
			page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
			await page.goto(`${n8n.url}/signin`);
			await page.fill('input[name=emailOrLdapLoginId], input[type=email]', OWNER.email);
			await page.fill('input[type=password]', OWNER.password);
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
			// Only what happens once signed in counts: the sign-in page itself probes the session and gets 401.
			page.on('console', (message) => {
				if (message.type() !== 'error') return;
				if (message.text().startsWith('Failed to load resource')) loadFailures++;
				else errors.push(message.text());
			});
			page.on('pageerror', (error) => errors.push(String(error)));
			// The console says "Failed to load resource" without the URL: record which one.
			page.on('response', (response) => {
				if (response.status() < 400) return;
				const path = new URL(response.url()).pathname;
				if (response.status() === 404 && path.startsWith('/schemas/')) schemaProbes++;
				else errors.push(`${response.status()} ${path}`);
			});
		}, 120_000);

		afterAll(async () => await browser?.close());

		it("shows each example workflow with the package's nodes and icons", async () => {
			for (const file of exampleFiles()) {
				const workflow = JSON.parse(readFileSync(file, 'utf8')) as { id: string; nodes: Array<{ name: string; type: string }> };
				await page.goto(`${n8n.url}/workflow/${workflow.id}`);
				for (const node of workflow.nodes) await page.getByText(node.name, { exact: true }).first().waitFor({ timeout: 30_000 });
				await page.screenshot({ path: join(shots, `${file.split('/').pop()?.replace('.json', '')}.png`) });
			}
			expect(errors).toEqual([]);
		});

		it('opens every node of the package and its credential form without an error', async () => {
			let credentialForms = 0;
			for (const file of exampleFiles()) {
				const workflow = JSON.parse(readFileSync(file, 'utf8')) as {
					id: string;
					nodes: Array<{ name: string; type: string; credentials?: Record<string, { name: string }> }>;
				};
				await page.goto(`${n8n.url}/workflow/${workflow.id}`);
				for (const node of workflow.nodes.filter((entry) => entry.type.startsWith(PACKAGE))) {
					await page.locator('[data-test-id="canvas-node"]').filter({ hasText: node.name }).first().dblclick();
					await page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]').first().waitFor({ timeout: 30_000 });
					const name = `${workflow.id}-${node.type.split('.').pop()}`;
					await page.screenshot({ path: join(shots, `node-${name}.png`) });
					const credential = Object.values(node.credentials ?? {})[0];
					if (credential !== undefined) {
						await page.locator('[data-test-id="credential-edit-button"]').first().click();
						// The credential's form, titled with its name.
						await page.locator('.el-dialog').filter({ hasText: credential.name }).first().waitFor({ state: 'visible', timeout: 30_000 });
						await page.screenshot({ path: join(shots, `credential-${name}.png`) });
						credentialForms++;
						await page.keyboard.press('Escape');
					}
					// Escape on the credential form may close the details view too.
					const close = page.locator('[data-test-id="ndv-close-button"]').first();
					if (await close.isVisible()) await close.click();
					await page.locator('[data-test-id="ndv"]').first().waitFor({ state: 'hidden', timeout: 10_000 });
				}
			}
			expect(credentialForms).toBeGreaterThanOrEqual(8);
			expect(errors).toEqual([]);
			// Every "Failed to load resource" in the console is one of the schema probes seen above.
			expect(loadFailures).toBeLessThanOrEqual(schemaProbes);
		});
	});

	describe('after everything above', () => {
		it('keeps every secret out of its logs, its execution data and the node outputs', async () => {
			const executions = await rest('/executions?limit=50');
			const list = ((executions.body.data as { results?: Array<{ id: string }> })?.results ?? []) as Array<{ id: string }>;
			expect(list.length).toBeGreaterThan(0);
			let stored = JSON.stringify(executions.body);
			for (const execution of list) stored += JSON.stringify((await rest(`/executions/${execution.id}`)).body);
			const everything = stored + logs + n8n.log();
			for (const secret of [...sandboxSecrets(), HALO_HOOK_TOKEN, GHL_HOOK_TOKEN, GITHUB_SECRET])
				expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });
		});
	});
});
