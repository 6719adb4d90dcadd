import { createHash, randomBytes } from 'node:crypto';
import type { AxiosInstance } from 'axios';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { client, form } from '../../sandbox/test-client';

const { clientId, clientSecret, tenant } = SANDBOX_CREDENTIALS.haloPsa;

describe('HaloPSA sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	const hosted = () => client(sandbox.baseUrl('haloPsa'));
	const clientCredentials = { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'all' };

	async function api(prefix: 'haloPsa' | 'haloPsaOnPremise' = 'haloPsa'): Promise<AxiosInstance> {
		const query = prefix === 'haloPsa' ? `?tenant=${tenant}` : '';
		const token = await client(sandbox.baseUrl(prefix)).post(`/auth/token${query}`, form(clientCredentials));
		expect(token.status).toBe(200);
		return client(`${sandbox.baseUrl(prefix)}/api`, { authorization: `Bearer ${token.data.access_token}` });
	}

	describe('auth', () => {
		it('publishes authinfo pointing at its own auth server', async () => {
			const info = await hosted().get('/api/authinfo');
			expect(info.data).toEqual({ auth_url: `${sandbox.baseUrl('haloPsa')}/auth`, tenant_id: tenant });
		});

		it('issues client-credentials tokens from the form body or HTTP Basic', async () => {
			const body = await hosted().post(`/auth/token?tenant=${tenant}`, form(clientCredentials));
			expect(body.data).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'all' });
			expect(body.data.refresh_token).toEqual(expect.any(String));
			const basic = await hosted().post(`/auth/token?tenant=${tenant}`, form({ grant_type: 'client_credentials' }), {
				auth: { username: clientId, password: clientSecret },
			});
			expect(basic.status).toBe(200);
		});

		it('refuses a wrong secret, a missing tenant on hosted, and a JSON body', async () => {
			const wrong = await hosted().post(`/auth/token?tenant=${tenant}`, form({ ...clientCredentials, client_secret: 'nope' }));
			expect(wrong.status).toBe(401);
			expect(wrong.data.error).toBe('invalid_client');
			const noTenant = await hosted().post('/auth/token', form(clientCredentials));
			expect(noTenant.status).toBe(400);
			expect(noTenant.data.error).toBe('invalid_request');
			expect((await hosted().post(`/auth/token?tenant=${tenant}`, clientCredentials)).status).toBe(400);
		});

		it('serves the same data on-premise without any tenant', async () => {
			const onPrem = await api('haloPsaOnPremise');
			await onPrem.post('/Client', [{ name: 'Shared Co' }]);
			const listed = await (await api()).get('/Client');
			expect(listed.data.clients.map((c: { name: string }) => c.name)).toEqual(['Shared Co']);
		});

		it('runs the PKCE authorization-code flow with single-use codes, and refresh tokens that rotate', async () => {
			const verifier = randomBytes(32).toString('base64url');
			const challenge = createHash('sha256').update(verifier).digest('base64url');
			const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
			const authorize = await hosted().get('/auth/authorize', {
				params: {
					response_type: 'code',
					client_id: clientId,
					redirect_uri: redirectUri,
					code_challenge: challenge,
					code_challenge_method: 'S256',
					state: 'xyz',
					scope: 'read:crm',
				},
				maxRedirects: 0,
			});
			expect(authorize.status).toBe(302);
			const location = new URL(authorize.headers.location as string);
			expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
			expect(location.searchParams.get('state')).toBe('xyz');
			const code = location.searchParams.get('code') ?? '';
			const exchange = { grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: redirectUri, code_verifier: verifier };

			const bad = await hosted().post(`/auth/token?tenant=${tenant}`, form({ ...exchange, code_verifier: 'wrong' }));
			expect(bad.status).toBe(400);
			expect(bad.data.error).toBe('invalid_grant');
			// The failed attempt spent the code: start again.
			const again = await hosted().get('/auth/authorize', {
				params: {
					response_type: 'code',
					client_id: clientId,
					redirect_uri: redirectUri,
					code_challenge: challenge,
					code_challenge_method: 'S256',
				},
				maxRedirects: 0,
			});
			const code2 = new URL(again.headers.location as string).searchParams.get('code') ?? '';
			const token = await hosted().post(`/auth/token?tenant=${tenant}`, form({ ...exchange, code: code2 }));
			expect(token.status).toBe(200);
			expect(token.data.scope).toBe('all');
			const reuse = await hosted().post(`/auth/token?tenant=${tenant}`, form({ ...exchange, code: code2 }));
			expect(reuse.status).toBe(400);

			const me = await client(`${sandbox.baseUrl('haloPsa')}/api`, { authorization: `Bearer ${token.data.access_token}` }).get('/Agent/me');
			expect(me.data).toMatchObject({ id: 2, name: 'Alex Morgan' });

			const refresh = { grant_type: 'refresh_token', client_id: clientId, refresh_token: token.data.refresh_token };
			const refreshed = await hosted().post(`/auth/token?tenant=${tenant}`, form(refresh));
			expect(refreshed.status).toBe(200);
			expect(refreshed.data.access_token).not.toBe(token.data.access_token);
			expect((await hosted().post(`/auth/token?tenant=${tenant}`, form(refresh))).status).toBe(400);
		});

		it('refuses missing, expired, revoked and used-up tokens with 401', async () => {
			expect((await client(`${sandbox.baseUrl('haloPsa')}/api`).get('/Client')).status).toBe(401);
			let halo = await api();
			expect((await halo.get('/Client')).status).toBe(200);
			sandbox.expireTokens('haloPsa');
			const expired = await halo.get('/Client');
			expect(expired.status).toBe(401);
			expect(expired.data.message).toBe('Token expired');

			halo = await api();
			sandbox.revokeTokens('haloPsa');
			expect((await halo.get('/Client')).status).toBe(401);

			sandbox.configure({ auth: { tokenMaxCalls: { haloPsa: 2 } } });
			halo = await api();
			expect((await halo.get('/Client')).status).toBe(200);
			expect((await halo.get('/Client')).status).toBe(200);
			expect((await halo.get('/Client')).status).toBe(401);
		});
	});

	describe('resources', () => {
		it('creates clients with a main site, and users on it with resolved custom fields', async () => {
			const halo = await api();
			const created = await halo.post('/Client', [{ name: 'Acme Corp', website: 'acme.example' }]);
			expect(created.data).toMatchObject({ id: 1, name: 'Acme Corp', inactive: false });
			const sites = await halo.get('/Site', { params: { client_id: 1 } });
			expect(sites.data.sites).toEqual([expect.objectContaining({ name: 'Main', client_id: 1 })]);
			const user = await halo.post('/Users', [
				{
					firstname: 'Ada',
					surname: 'Lovelace',
					emailaddress: 'ada@acme.example',
					client_id: 1,
					customfields: [{ name: 'CFLeadSource', value: 'apollo' }],
				},
			]);
			expect(user.data).toMatchObject({
				name: 'Ada Lovelace',
				site_id: sites.data.sites[0].id,
				customfields: [{ id: 202, name: 'CFLeadSource', value: 'apollo' }],
			});
			const updated = await halo.post('/Users', [{ id: user.data.id, jobtitle: 'CTO', customfields: [{ id: 203, value: 'c_suite' }] }]);
			expect(updated.data).toMatchObject({ emailaddress: 'ada@acme.example', jobtitle: 'CTO' });
			expect(updated.data.customfields).toHaveLength(2);
			expect(sandbox.state.haloPsa.users.get(user.data.id)?.jobtitle).toBe('CTO');
		});

		it('requires an array, and refuses the whole batch naming the bad element', async () => {
			const halo = await api();
			expect((await halo.post('/Client', { name: 'Not an array' })).status).toBe(400);
			await halo.post('/Client', [{ name: 'Acme' }]);
			const batch = await halo.post('/Users', [
				{ name: 'Ok 1', client_id: 1 },
				{ name: 'Ok 2', client_id: 1 },
				{ name: 'Ok 3', client_id: 1 },
				{ name: 'Bad', client_id: 999 },
			]);
			expect(batch.status).toBe(400);
			expect(batch.data.message).toBe('Users[3]: client_id 999 does not exist');
			expect(sandbox.state.haloPsa.users.size).toBe(0);
			expect((await halo.post('/Users', [{ name: 'x', client_id: 1, customfields: [{ name: 'Nope', value: 1 }] }])).status).toBe(400);
			expect((await halo.post('/Client', [{ id: 77, name: 'ghost' }])).data.message).toBe('Client[0]: id 77 does not exist');
		});

		it('refuses a field HaloPSA does not document for the entity, with nothing stored, unless refuseUnknownFields is off', async () => {
			const halo = await api();
			const refused = await halo.post('/Client', [{ name: 'Ok' }, { name: 'Acme', website: 'acme.example', linkedin: 'acme' }]);
			expect(refused.status).toBe(400);
			expect(refused.data).toEqual({ ClassName: 'System.Exception', message: 'Client[1]: unknown field linkedin' });
			expect(sandbox.state.haloPsa.clients.size).toBe(0);
			// A field of another entity's model is unknown here: `summary` belongs to tickets.
			expect((await halo.post('/Client', [{ name: 'Acme', summary: 'x', stage: 2 }])).data.message).toBe(
				'Client[0]: unknown fields summary, stage',
			);

			const client = await halo.post('/Client', [{ name: 'Acme', notes: 'Met at the fair', domain: 'acme.example' }]);
			expect(client.status).toBe(200);
			const opportunity = await halo.post('/Opportunities', [
				{ summary: 'Renewal', client_id: client.data.id, oppvalue: 12000, oppconversionprobability: 40, targetdate: '2025-06-30T00:00:00' },
			]);
			expect(opportunity.status).toBe(200);
			expect(sandbox.state.haloPsa.opportunities.get(opportunity.data.id)).toMatchObject({ oppvalue: 12000, oppconversionprobability: 40 });

			sandbox.configure({ haloPsa: { refuseUnknownFields: false } });
			const stored = await halo.post('/Client', [{ name: 'Globex', linkedin: 'globex' }]);
			expect(stored.status).toBe(200);
			expect(sandbox.state.haloPsa.clients.get(stored.data.id)).toMatchObject({ name: 'Globex', linkedin: 'globex' });
		});

		it('answers arrays for batches, and for single records when singleRecordAsObject is off', async () => {
			const halo = await api();
			expect((await halo.post('/Client', [{ name: 'A' }, { name: 'B' }])).data).toHaveLength(2);
			sandbox.configure({ haloPsa: { singleRecordAsObject: false } });
			expect((await halo.post('/Client', [{ name: 'C' }])).data).toEqual([expect.objectContaining({ name: 'C' })]);
		});

		it('lists with pageinate, search, order, count and active filters', async () => {
			const halo = await api();
			await halo.post(
				'/Client',
				Array.from({ length: 7 }, (_, i) => ({ name: `Client ${String.fromCharCode(71 - i)}`, inactive: i === 0 })),
			);
			const page = await halo.get('/Client', { params: { pageinate: true, page_size: 2, page_no: 3, order: 'name' } });
			expect(page.data).toMatchObject({ page_no: 3, page_size: 2, record_count: 6 });
			expect(page.data.clients.map((c: { name: string }) => c.name)).toEqual(['Client E', 'Client F']);
			expect((await halo.get('/Client', { params: { includeinactive: true } })).data.record_count).toBe(7);
			expect((await halo.get('/Client', { params: { search: 'client b' } })).data.clients).toHaveLength(1);
			expect((await halo.get('/Client', { params: { count: 3, order: 'name', orderdesc: true } })).data.clients[0].name).toBe('Client F');
		});

		it('hides inactive users, sites, opportunities and tickets unless includeinactive=true', async () => {
			const halo = await api();
			await halo.post('/Client', [{ name: 'Acme' }]);
			await halo.post('/Site', [{ name: 'Old office', client_id: 1, inactive: true }]);
			await halo.post('/Users', [
				{ name: 'Ada', client_id: 1 },
				{ name: 'Gone', client_id: 1, inactive: true },
			]);
			const opportunity = await halo.post('/Opportunities', [{ summary: 'Renewal', client_id: 1 }]);
			expect(opportunity.data).toMatchObject({ inactive: false });
			await halo.post('/Opportunities', [{ summary: 'Shelved', client_id: 1, inactive: true }]);
			await halo.post('/Tickets', [
				{ summary: 'Lead', client_id: 1 },
				{ summary: 'Hidden lead', client_id: 1, inactive: true },
			]);
			const listed = async (path: string, key: string, field: string, params: object = {}) =>
				(await halo.get(path, { params: { client_id: 1, ...params } })).data[key].map((record: Record<string, unknown>) => record[field]);
			for (const [path, key, field, active, inactive] of [
				['/Site', 'sites', 'name', 'Main', 'Old office'],
				['/Users', 'users', 'name', 'Ada', 'Gone'],
				['/Opportunities', 'tickets', 'summary', 'Renewal', 'Shelved'],
				['/Tickets', 'tickets', 'summary', 'Lead', 'Hidden lead'],
			]) {
				expect(await listed(path, key, field)).toEqual([active]);
				expect(await listed(path, key, field, { includeinactive: true })).toEqual([active, inactive]);
				expect(await listed(path, key, field, { includeinactive: true, includeactive: false })).toEqual([inactive]);
			}
		});

		it('keeps opportunities apart but answers them under `tickets`, typed as Opportunity by default', async () => {
			const halo = await api();
			await halo.post('/Client', [{ name: 'Acme' }]);
			const opp = await halo.post('/Opportunities', [{ summary: 'Acme renewal', client_id: 1 }]);
			expect(opp.data).toMatchObject({ tickettype_id: 4, status_id: 1 });
			await halo.post('/Tickets', [{ summary: 'Printer broken', client_id: 1 }]);
			const list = await halo.get('/Opportunities', { params: { client_id: 1, open_only: true } });
			expect(list.data).toEqual({ record_count: 1, tickets: [expect.objectContaining({ summary: 'Acme renewal' })] });
			expect((await halo.post('/Tickets', [{ details: 'no summary' }])).status).toBe(400);
		});

		it('gets, deletes, and answers 404 for missing records; seeds config entities', async () => {
			const halo = await api();
			expect((await halo.get('/TicketType')).data.map((t: { name: string }) => t.name)).toEqual([
				'Incident',
				'Service Request',
				'Lead',
				'Opportunity',
			]);
			expect((await halo.get('/FieldInfo')).data.fieldinfo.length).toBeGreaterThanOrEqual(3);
			expect((await halo.get('/Agent')).data).toHaveLength(3);
			expect((await halo.get('/Agent/me')).data.id).toBe(1);
			await halo.post('/Client', [{ name: 'Temp' }]);
			expect((await halo.get('/Client/1', { params: { includedetails: true } })).data.name).toBe('Temp');
			expect((await halo.delete('/Client/1')).status).toBe(200);
			expect((await halo.get('/Client/1')).status).toBe(404);
			expect((await halo.get('/Nonsense')).status).toBe(404);
			const webhook = await halo.post('/Webhook', [{ name: 'n8n', url: 'http://localhost/hook', authentication_type: 0 }]);
			expect((await halo.post('/Notification', [{ webhook_id: webhook.data.id, delivery_method: 6, eventno: 1 }])).status).toBe(200);
		});

		it('answers Agent and TicketType as plain arrays when not paged, as n8n reads them, and wrapped when paged', async () => {
			const halo = await api();
			const unpaged = await halo.get('/Agent', { params: { search: 'a' } });
			expect(Array.isArray(unpaged.data)).toBe(true);
			expect(unpaged.data.map((agent: { name: string }) => agent.name)).toEqual(['API Agent', 'Alex Morgan', 'Sam Rivera']);
			expect(Array.isArray((await halo.get('/TicketType')).data)).toBe(true);
			// The other lists keep their wrapper either way.
			for (const [path, key] of [
				['/FieldInfo', 'fieldinfo'],
				['/Webhook', 'webhooks'],
				['/Notification', 'notifications'],
				['/Client', 'clients'],
			]) {
				expect(Object.keys((await halo.get(path)).data).sort()).toEqual([key, 'record_count'].sort());
			}
			const paged = await halo.get('/TicketType', { params: { pageinate: true, page_size: 3, page_no: 2 } });
			expect(paged.data).toEqual({
				page_no: 2,
				page_size: 3,
				record_count: 4,
				tickettypes: [expect.objectContaining({ name: 'Opportunity' })],
			});
			expect((await halo.get('/Agent', { params: { pageinate: true, page_size: 2 } })).data).toMatchObject({
				record_count: 3,
				agents: [{}, {}],
			});
		});

		it('answers other list shapes when told: pages as plain arrays with no record_count, or every record unpaged', async () => {
			const halo = await api();
			const page = (path: string, page_no: number) => halo.get(path, { params: { pageinate: true, page_size: 3, page_no } });
			sandbox.haloPsa.listShapes.set('FieldInfo', 'pagedArray');
			expect((await page('/FieldInfo', 1)).data.map((field: { id: number }) => field.id)).toEqual([201, 202, 203]);
			expect((await page('/FieldInfo', 2)).data.map((field: { id: number }) => field.id)).toEqual([204, 205]);
			expect((await halo.get('/FieldInfo')).data).toHaveLength(5);
			sandbox.haloPsa.listShapes.set('TicketType', 'wholeArray');
			for (const pageNo of [1, 2]) expect((await page('/TicketType', pageNo)).data).toHaveLength(4);
			sandbox.reset();
			expect((await (await api()).get('/FieldInfo', { params: { pageinate: true, page_size: 3 } })).data).toMatchObject({
				record_count: 5,
			});
		});

		it('keeps actions on tickets and opportunities, listed by ticket_id under `actions` with no paging', async () => {
			const halo = await api();
			await halo.post('/Client', [{ name: 'Acme' }]);
			const ticket = (await halo.post('/Tickets', [{ summary: 'Printer', client_id: 1 }])).data;
			const opportunity = (await halo.post('/Opportunities', [{ summary: 'Renewal', client_id: 1 }, { summary: 'Upsell' }])).data[1];
			expect((await halo.post('/Actions', [{ note: 'no ticket' }])).data.message).toBe('Actions[0]: ticket_id is required');
			expect((await halo.post('/Actions', [{ ticket_id: 999, note: 'x' }])).data.message).toBe('Actions[0]: ticket_id 999 does not exist');
			expect((await halo.post('/Actions', [{ ticket_id: ticket.id, note: 'x', reaction: 'y' }])).data.message).toBe(
				'Actions[0]: unknown field reaction',
			);
			const notes = Array.from({ length: 5 }, (_, n) => ({
				ticket_id: ticket.id,
				note: `Note ${n}`,
				important: n === 0,
				hiddenfromuser: n === 1,
			}));
			expect(
				(await halo.post('/Actions', [...notes, { ticket_id: opportunity.id, note: 'Called them', outcome: 'Phone Call' }])).status,
			).toBe(200);
			const listed = await halo.get('/Actions', {
				params: { ticket_id: ticket.id, pageinate: true, page_size: 2, page_no: 2, search: 'zzz' },
			});
			expect(listed.data).toEqual({ record_count: 5, actions: expect.any(Array) });
			expect(listed.data.actions.map((action: { note: string }) => action.note)).toEqual([
				'Note 0',
				'Note 1',
				'Note 2',
				'Note 3',
				'Note 4',
			]);
			expect(listed.data.actions[0].datetime).toEqual(expect.any(String));
			const notesOf = async (params: object) =>
				(await halo.get('/Actions', { params: { ticket_id: ticket.id, ...params } })).data.actions.map(
					(action: { note: string }) => action.note,
				);
			expect(await notesOf({ importantonly: true })).toEqual(['Note 0']);
			expect(await notesOf({ excludeprivate: true })).toEqual(['Note 0', 'Note 2', 'Note 3', 'Note 4']);
			expect((await halo.get('/Actions', { params: { ticket_id: opportunity.id } })).data.actions).toEqual([
				expect.objectContaining({ note: 'Called them', outcome: 'Phone Call' }),
			]);
		});

		it('requires what quotes, assets, contracts and appointments stand on, and checks the records they name', async () => {
			const halo = await api();
			await halo.post('/Client', [{ name: 'Acme' }, { name: 'Globex' }]);
			const refused = async (entity: string, record: object) => (await halo.post(`/${entity}`, [record])).data.message;
			expect(await refused('Quotation', { title: 'No client' })).toBe('Quotation[0]: client_id (missing) does not exist');
			expect(await refused('Quotation', { client_id: 1, site_id: 2 })).toBe('Quotation[0]: site_id 2 does not belong to client 1');
			expect(await refused('Quotation', { client_id: 1, ticket_id: 5 })).toBe('Quotation[0]: ticket_id 5 does not exist');
			expect(await refused('Asset', { inventory_number: 'PC-1' })).toBe('Asset[0]: site_id (missing) does not exist');
			expect(await refused('Asset', { site_id: 2, client_id: 1 })).toBe('Asset[0]: site_id 2 does not belong to client 1');
			expect(await refused('ClientContract', { client_id: 1, start_date: '2025-06-01', end_date: '2025-01-01' })).toBe(
				'ClientContract[0]: end_date is before start_date',
			);
			expect(await refused('Appointment', { subject: 'Visit', start_date: '2025-06-01T10:00:00' })).toBe(
				'Appointment[0]: end_date is required, as a date',
			);
			expect(
				await refused('Appointment', { subject: 'Visit', start_date: '2025-06-01T10:00', end_date: '2025-06-01T11:00', agent_id: 9 }),
			).toBe('Appointment[0]: agent_id 9 does not exist');
			expect(await refused('Asset', { site_id: 1, hostname: 'pc' })).toBe('Asset[0]: unknown field hostname');

			const quote = (await halo.post('/Quotation', [{ client_id: 1, title: 'Laptops', expiry_date: '2025-07-01T00:00:00' }])).data;
			expect(quote).toMatchObject({ client_id: 1, client_name: 'Acme', title: 'Laptops', date: expect.any(String) });
			const asset = (await halo.post('/Asset', [{ site_id: 2, inventory_number: 'PC-1' }])).data;
			expect(asset).toMatchObject({ client_id: 2, client_name: 'Globex', site_id: 2, inactive: false });
			const contract = (await halo.post('/ClientContract', [{ client_id: 1, ref: 'MSP-2025' }])).data;
			expect(contract).toMatchObject({ client_name: 'Acme', ref: 'MSP-2025' });
			expect((await halo.post('/Quotation', [{ id: quote.id, title: 'Laptops x10' }])).data).toMatchObject({
				client_id: 1,
				title: 'Laptops x10',
			});
			for (const [entity, id] of [
				['Quotation', quote.id],
				['Asset', asset.id],
				['ClientContract', contract.id],
			]) {
				expect((await halo.get(`/${entity}/${id}`)).status).toBe(200);
				expect((await halo.get(`/${entity}/999`)).status).toBe(404);
				expect((await halo.delete(`/${entity}/999`)).status).toBe(404);
				expect((await halo.post(`/${entity}`, [{ id: 999 }])).data.message).toBe(`${entity}[0]: id 999 does not exist`);
			}
		});

		it('pages quotes, assets, contracts and appointments under their own keys, and filters appointments by agent and start', async () => {
			const halo = await api();
			await halo.post('/Client', [{ name: 'Acme' }]);
			await halo.post(
				'/Quotation',
				Array.from({ length: 5 }, (_, n) => ({ client_id: 1, title: `Quote ${n}` })),
			);
			await halo.post(
				'/Asset',
				Array.from({ length: 5 }, (_, n) => ({ site_id: 1, inventory_number: `PC-${n}`, inactive: n === 4 })),
			);
			await halo.post(
				'/ClientContract',
				Array.from({ length: 5 }, (_, n) => ({ client_id: 1, ref: `C-${n}` })),
			);
			await halo.post(
				'/Appointment',
				Array.from({ length: 5 }, (_, n) => ({
					subject: `Visit ${n}`,
					start_date: `2025-06-0${n + 1}T10:00:00`,
					end_date: `2025-06-0${n + 1}T11:00:00`,
					agent_id: n % 2 === 0 ? 2 : 3,
				})),
			);
			for (const [path, key, total] of [
				['/Quotation', 'quotes', 5],
				['/Asset', 'assets', 4],
				['/ClientContract', 'contracts', 5],
				['/Appointment', 'appointments', 5],
			] as const) {
				const page = await halo.get(path, { params: { pageinate: true, page_size: 2, page_no: 2 } });
				expect(page.data).toMatchObject({ page_no: 2, page_size: 2, record_count: total });
				expect(page.data[key]).toHaveLength(2);
			}
			expect((await halo.get('/Asset', { params: { includeinactive: true, search: 'pc-4' } })).data.assets).toHaveLength(1);
			const subjects = async (params: object) =>
				(await halo.get('/Appointment', { params })).data.appointments.map((appointment: { subject: string }) => appointment.subject);
			expect(await subjects({ agents: '2' })).toEqual(['Visit 0', 'Visit 2', 'Visit 4']);
			expect(await subjects({ agents: '3, 2', start_date: '2025-06-03T12:00:00' })).toEqual(['Visit 3', 'Visit 4']);
		});

		it('answers 429 past the rate limit, per client id', async () => {
			sandbox.configure({ rateLimits: { haloPsa: { requests: 3, windowMs: 60_000 } } });
			const halo = await api();
			for (let i = 0; i < 3; i++) expect((await halo.get('/Client')).status).toBe(200);
			expect((await halo.get('/Client')).status).toBe(429);
			sandbox.configure({ enforceRateLimits: false });
			expect((await halo.get('/Client')).status).toBe(200);
		});
	});
});
