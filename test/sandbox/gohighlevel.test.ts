import type { AxiosInstance } from 'axios';
import { SANDBOX_CREDENTIALS } from '../../sandbox/defaults';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { client } from '../../sandbox/test-client';

const ghl = SANDBOX_CREDENTIALS.goHighLevel;
const locationId = ghl.locationId;

describe('GoHighLevel sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.stop());
	beforeEach(() => sandbox.reset());

	const v2 = (): AxiosInstance =>
		client(sandbox.baseUrl('goHighLevelV2'), { authorization: `Bearer ${ghl.privateIntegrationToken}`, version: '2021-07-28' });
	const session = (token: string): AxiosInstance =>
		client(sandbox.baseUrl('goHighLevelSession'), { 'token-id': token, version: '2021-07-28' });

	describe('session auth (token-id, renewed by /token/update)', () => {
		it('logs in with email and password; refuses wrong ones', async () => {
			const login = await client(sandbox.baseUrl('goHighLevelLogin')).post('/login', { email: ghl.email, password: ghl.password });
			expect(login.status).toBe(200);
			expect((await session(login.data.token).get('/users/me')).data).toMatchObject({ email: ghl.email, locationId });
			expect((await client(sandbox.baseUrl('goHighLevelLogin')).post('/login', { email: ghl.email, password: 'x' })).status).toBe(401);
		});

		it('needs token-id and version headers', async () => {
			const { data } = await client(`${sandbox.url}/_sandbox`).post('/ghl/session');
			expect((await session(data.tokenId).get('/users/me')).status).toBe(200);
			const noVersion = await client(sandbox.baseUrl('goHighLevelSession'), { 'token-id': data.tokenId }).get('/users/me');
			expect(noVersion.status).toBe(400);
			expect((await session('forged.jwt.token').get('/users/me')).status).toBe(401);
		});

		it('renews a token with /token/update: the old one dies; an expired one within the grace still renews', async () => {
			const first = sandbox.goHighLevel.issueSessionToken();
			const renewed = await session(first).post('/token/update');
			expect(renewed.data.tokenId).toEqual(expect.any(String));
			expect((await session(first).get('/users/me')).status).toBe(401);
			expect((await session(first).post('/token/update')).status).toBe(401);

			sandbox.expireTokens('goHighLevel');
			const expired = await session(renewed.data.tokenId).get('/users/me');
			expect(expired.status).toBe(401);
			const again = await session(renewed.data.tokenId).post('/token/update');
			expect(again.status).toBe(200);
			expect((await session(again.data.tokenId).get('/users/me')).status).toBe(200);

			sandbox.advanceClock(25 * 3_600_000);
			expect((await session(again.data.tokenId).post('/token/update')).status).toBe(401);
		});

		it('refuses to renew a revoked token', async () => {
			const token = sandbox.goHighLevel.issueSessionToken();
			sandbox.revokeTokens('goHighLevel');
			expect((await session(token).post('/token/update')).status).toBe(401);
		});
	});

	describe('v2 API', () => {
		it('requires the Version header and a known token', async () => {
			expect((await v2().get(`/locations/${locationId}`)).data.location).toMatchObject({
				id: locationId,
				settings: { allowDuplicateContact: false },
			});
			expect(
				(
					await client(sandbox.baseUrl('goHighLevelV2'), { authorization: `Bearer ${ghl.privateIntegrationToken}` }).get(
						`/locations/${locationId}`,
					)
				).status,
			).toBe(400);
			expect(
				(
					await client(sandbox.baseUrl('goHighLevelV2'), { authorization: 'Bearer nope', version: '2021-07-28' }).get(
						`/locations/${locationId}`,
					)
				).status,
			).toBe(401);
			expect((await v2().get('/locations/another-location')).status).toBe(403);
			const fields = await v2().get(`/locations/${locationId}/customFields`);
			expect(fields.data.customFields[0]).toMatchObject({
				id: expect.any(String),
				fieldKey: expect.stringMatching(/^contact\./),
				dataType: expect.any(String),
			});
		});

		it('upserts contacts: matches by email then phone, honours allowDuplicateContact, stores custom fields', async () => {
			const created = await v2().post('/contacts/upsert', {
				locationId,
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'Ada@Example.com',
				phone: '(415) 555-0100',
				tags: ['Lead'],
				customFields: [
					{ id: 'cfLinkedInUrl0000001', field_value: 'https://linkedin.com/in/ada' },
					{ key: 'lead_source', field_value: 'apollo' },
					{ id: 'unknown', field_value: 'dropped' },
				],
			});
			expect(created.data.new).toBe(true);
			expect(created.data.contact).toMatchObject({
				email: 'ada@example.com',
				phone: '+14155550100',
				name: 'Ada Lovelace',
				tags: ['lead'],
				customFields: [
					{ id: 'cfLinkedInUrl0000001', value: 'https://linkedin.com/in/ada' },
					{ id: 'cfLeadSource00000002', value: 'apollo' },
				],
			});
			const byEmail = await v2().post('/contacts/upsert', { locationId, email: 'ada@example.com', companyName: 'Analytical Engines' });
			expect(byEmail.data).toMatchObject({
				new: false,
				contact: { id: created.data.contact.id, companyName: 'Analytical Engines', firstName: 'Ada' },
			});
			const byPhone = await v2().post('/contacts/upsert', { locationId, phone: '+1 415 555 0100', city: 'London' });
			expect(byPhone.data.contact.id).toBe(created.data.contact.id);
			sandbox.state.goHighLevel.location(locationId).location.settings.allowDuplicateContact = true;
			expect((await v2().post('/contacts/upsert', { locationId, email: 'ada@example.com' })).data.new).toBe(true);
		});

		it('validates contact bodies like HighLevel (422)', async () => {
			expect((await v2().post('/contacts/upsert', { email: 'a@b.co' })).status).toBe(422);
			expect((await v2().post('/contacts/upsert', { locationId, email: 'not-an-email' })).data.message).toEqual(['email must be an email']);
			expect((await v2().post('/contacts/upsert', { locationId, emailAddress: 'a@b.co' })).data.message).toEqual([
				'property emailAddress should not exist',
			]);
			const { data } = await v2().post('/contacts/upsert', { locationId, email: 'a@b.co' });
			const put = await v2().put(`/contacts/${data.contact.id}`, { locationId, firstName: 'A' });
			expect(put.status).toBe(422);
			expect(put.data.message).toEqual(['property locationId should not exist']);
		});

		it("takes on PUT /contacts/{id} exactly UpdateContactDto's properties: companyName is refused there, not on upsert", async () => {
			const { data } = await v2().post('/contacts/upsert', { locationId, email: 'dto@example.com', companyName: 'Upsert Co' });
			const id = data.contact.id as string;
			const refused = await v2().put(`/contacts/${id}`, { companyName: 'Update Co', gender: 'female', city: 'Leeds' });
			expect(refused.status).toBe(422);
			expect(refused.data).toEqual({
				statusCode: 422,
				message: ['property companyName should not exist', 'property gender should not exist'],
				error: 'Unprocessable Entity',
			});
			// Nothing of a refused body is written.
			expect((await v2().get(`/contacts/${id}`)).data.contact).toMatchObject({ companyName: 'Upsert Co' });
			expect((await v2().get(`/contacts/${id}`)).data.contact).not.toHaveProperty('city');
			const every = {
				firstName: 'Dee',
				lastName: 'Toh',
				name: 'Dee Toh',
				email: 'dto@example.com',
				phone: '+14155550111',
				address1: '1 Main St',
				city: 'Leeds',
				state: 'WY',
				postalCode: '82001',
				website: 'https://dto.example',
				timezone: 'America/Denver',
				dnd: true,
				dndSettings: { SMS: { status: 'active' } },
				inboundDndSettings: { all: { status: 'inactive' } },
				tags: ['a'],
				customFields: [{ id: 'cfSeniority000000003', field_value: 'vp' }],
				source: 'import',
				country: 'US',
				assignedTo: 'user0000000000000001',
			};
			const accepted = await v2().put(`/contacts/${id}`, every);
			expect(accepted.status).toBe(200);
			expect(accepted.data.contact).toMatchObject({ ...every, customFields: [{ id: 'cfSeniority000000003', value: 'vp' }] });
		});

		it('gets, updates, tags and deletes contacts; the session API sees the same store', async () => {
			const { data } = await v2().post('/contacts/upsert', { locationId, email: 'grace@example.com', tags: ['a'] });
			const id = data.contact.id as string;
			const token = sandbox.goHighLevel.issueSessionToken();
			expect((await session(token).get(`/contacts/${id}`)).data.contact.email).toBe('grace@example.com');
			expect(
				(await v2().put(`/contacts/${id}`, { lastName: 'Hopper', customFields: [{ id: 'cfSeniority000000003', value: 'vp' }] })).data,
			).toMatchObject({ succeded: true, contact: { lastName: 'Hopper' } });
			expect((await v2().post(`/contacts/${id}/tags`, { tags: ['b', 'c'] })).data.tags).toEqual(['a', 'b', 'c']);
			expect((await v2().delete(`/contacts/${id}/tags`, { data: { tags: ['a'] } })).data.tags).toEqual(['b', 'c']);
			expect((await v2().delete(`/contacts/${id}`)).data).toEqual({ succeded: true });
			expect((await v2().get(`/contacts/${id}`)).status).toBe(404);
		});

		it('searches contacts by page number and by searchAfter cursor over more than one page', async () => {
			for (let i = 0; i < 25; i++) {
				await v2().post('/contacts/upsert', {
					locationId,
					email: `person${i}@example.com`,
					firstName: `P${i}`,
					tags: i % 2 === 0 ? ['even'] : ['odd'],
				});
			}
			const seen: string[] = [];
			let searchAfter: unknown;
			for (;;) {
				const page = await v2().post('/contacts/search', { locationId, pageLimit: 10, ...(searchAfter ? { searchAfter } : {}) });
				expect(page.data.total).toBe(25);
				seen.push(...page.data.contacts.map((c: { id: string }) => c.id));
				if (page.data.contacts.length < 10) break;
				searchAfter = page.data.contacts.at(-1).searchAfter;
			}
			expect(new Set(seen).size).toBe(25);
			const third = await v2().post('/contacts/search', { locationId, pageLimit: 10, page: 3 });
			expect(third.data.contacts.map((c: { id: string }) => c.id)).toEqual(seen.slice(20));
			const even = await v2().post('/contacts/search', {
				locationId,
				filters: [{ field: 'tags', operator: 'eq', value: 'even' }],
				pageLimit: 100,
			});
			expect(even.data.total).toBe(13);
			expect((await v2().post('/contacts/search', { locationId, query: 'person7@' })).data.total).toBe(1);
			expect((await v2().post('/contacts/search', { locationId, pageLimit: 501 })).status).toBe(422);
			expect(
				(await v2().post('/contacts/search', { locationId, filters: [{ field: 'email', operator: 'like', value: 'x' }] })).status,
			).toBe(422);
		});

		it('refuses a search query or filter value over 75 characters (422), and takes 75', async () => {
			await v2().post('/contacts/upsert', { locationId, email: 'long@example.com' });
			const search = async (body: object) => await v2().post('/contacts/search', { locationId, ...body });
			const longQuery = await search({ query: 'q'.repeat(76) });
			expect(longQuery.status).toBe(422);
			expect(longQuery.data.message).toEqual(['query must be shorter than or equal to 75 characters']);
			const filter = (value: string) => ({
				filters: [
					{ field: 'tags', operator: 'eq', value: 't' },
					{ field: 'email', operator: 'eq', value },
				],
			});
			const longValue = await search(filter(`${'x'.repeat(64)}@example.com`));
			expect(longValue.status).toBe(422);
			expect(longValue.data.message).toEqual(['filters.1.value must be shorter than or equal to 75 characters']);
			expect((await search({ query: 'q'.repeat(75) })).status).toBe(200);
			expect((await search(filter(`${'x'.repeat(63)}@example.com`))).status).toBe(200);
			// Characters, not UTF-16 units: 75 emoji are 150 units.
			expect((await search({ query: '\u{1F600}'.repeat(75) })).status).toBe(200);
		});

		it('creates, updates, gets and searches opportunities in the seeded pipeline', async () => {
			const pipelines = await v2().get('/opportunities/pipelines', { params: { locationId } });
			const pipeline = pipelines.data.pipelines[0];
			expect(pipeline.stages.length).toBeGreaterThan(2);
			const { data: contact } = await v2().post('/contacts/upsert', { locationId, email: 'buyer@example.com' });
			const base = {
				locationId,
				pipelineId: pipeline.id,
				pipelineStageId: pipeline.stages[0].id,
				status: 'open',
				contactId: contact.contact.id,
			};
			const bad = await v2().post('/opportunities', { ...base, name: 'Bad', status: 'pending', contactId: 'nope' });
			expect(bad.status).toBe(422);
			expect(bad.data.message).toHaveLength(2);
			// CreateDto has no source: HighLevel refuses it, and nothing is created.
			const sourced = await v2().post('/opportunities', { ...base, name: 'Sourced', source: 'Apollo' });
			expect(sourced.status).toBe(422);
			expect(sourced.data).toEqual({ statusCode: 422, message: ['property source should not exist'], error: 'Unprocessable Entity' });
			expect(sandbox.state.goHighLevel.location(locationId).opportunities.list()).toHaveLength(0);
			const ids: string[] = [];
			for (let i = 0; i < 5; i++)
				ids.push((await v2().post('/opportunities', { ...base, name: `Deal ${i}`, monetaryValue: 1000 * i })).data.opportunity.id);
			const won = await v2().put(`/opportunities/${ids[0]}`, { status: 'won', pipelineStageId: pipeline.stages[2].id });
			expect(won.data.opportunity).toMatchObject({ status: 'won', name: 'Deal 0' });
			// UpdateOpportunityDto has no source, contactId or locationId either.
			const moved = await v2().put(`/opportunities/${ids[0]}`, { source: 'x', contactId: contact.contact.id, name: 'Renamed' });
			expect(moved.status).toBe(422);
			expect(moved.data.message).toEqual(['property source should not exist', 'property contactId should not exist']);
			expect((await v2().get(`/opportunities/${ids[0]}`)).data.opportunity.name).toBe('Deal 0');
			const withFields = await v2().post('/opportunities', { ...base, name: 'Custom', customFields: [{ id: 'cf1', field_value: 'x' }] });
			expect(withFields.status).toBe(201);
			await v2().delete(`/opportunities/${withFields.data.opportunity.id}`);
			expect((await v2().get(`/opportunities/${ids[1]}`)).data.opportunity.monetaryValue).toBe(1000);
			const first = await v2().get('/opportunities/search', { params: { location_id: locationId, status: 'open', limit: 2 } });
			expect(first.data.meta).toMatchObject({
				total: 4,
				currentPage: 1,
				nextPage: 2,
				startAfterId: expect.any(String),
				startAfter: expect.any(Number),
			});
			const next = await v2().get('/opportunities/search', {
				params: {
					location_id: locationId,
					status: 'open',
					limit: 2,
					startAfter: first.data.meta.startAfter,
					startAfterId: first.data.meta.startAfterId,
				},
			});
			expect(next.data.opportunities.map((o: { id: string }) => o.id)).toEqual(ids.slice(3, 5));
			expect(next.data.meta.nextPage).toBeNull();
			expect(
				(await v2().get('/opportunities/search', { params: { location_id: locationId, contact_id: contact.contact.id } })).data.meta.total,
			).toBe(5);
		});

		it('sends HighLevel rate-limit headers and 429 past 100 requests per 10 s (configurable)', async () => {
			sandbox.configure({ rateLimits: { goHighLevel: { requests: 2 } } });
			const ok = await v2().get(`/locations/${locationId}`);
			expect(ok.headers).toMatchObject({
				'x-ratelimit-max': '2',
				'x-ratelimit-remaining': '1',
				'x-ratelimit-interval-milliseconds': '10000',
				'x-ratelimit-daily-remaining': '199999',
			});
			await v2().get(`/locations/${locationId}`);
			const limited = await session(sandbox.goHighLevel.issueSessionToken()).get(`/locations/${locationId}`);
			expect(limited.status).toBe(429);
			expect(limited.headers['x-ratelimit-remaining']).toBe('0');
		});
	});

	describe('what hangs off a contact, workflows and the calendar (both APIs)', () => {
		const contactId = async () =>
			(await v2().post('/contacts/upsert', { locationId, email: `c${Math.random()}@example.com` })).data.contact.id as string;
		const due = '2030-01-07T15:00:00.000Z';
		// A Monday: the seeded calendar is open 14:00-22:00 UTC on weekdays, in 30-minute slots.
		const monday = Date.parse('2030-01-07T00:00:00Z');
		const workflowId = '5b0d6f7e-1c3a-4e2b-9f4d-2a7c8e9b1d01';
		const calendarId = 'calDiscoveryCall0001';
		const store = () => sandbox.state.goHighLevel.location(locationId);

		it("tasks: CreateTaskParams' required fields and properties, then get, update, complete, delete; 404 for another contact's task", async () => {
			const id = await contactId();
			const created = await v2().post(`/contacts/${id}/tasks`, { title: 'Call back', dueDate: due, completed: false });
			expect(created.status).toBe(201);
			expect(created.data.task).toEqual({ id: expect.any(String), title: 'Call back', dueDate: due, completed: false, contactId: id });
			const taskId = created.data.task.id as string;

			const missing = await v2().post(`/contacts/${id}/tasks`, { body: 'no title' });
			expect(missing.status).toBe(422);
			expect(missing.data.message).toEqual(['title should not be empty', 'dueDate is required', 'completed is required']);
			const extra = await v2().post(`/contacts/${id}/tasks`, { title: 'x', dueDate: due, completed: false, priority: 'high' });
			expect(extra.data).toEqual({ statusCode: 422, message: ['property priority should not exist'], error: 'Unprocessable Entity' });
			const badTypes = await v2().post(`/contacts/${id}/tasks`, { title: 'x', dueDate: 'tomorrow', completed: 'no' });
			expect(badTypes.data.message).toEqual(['dueDate must be a valid ISO 8601 date string', 'completed must be a boolean value']);
			expect((await v2().post('/contacts/nope/tasks', { title: 'x', dueDate: due, completed: false })).data).toEqual({
				statusCode: 404,
				message: 'Contact not found',
			});

			expect((await session(sandbox.goHighLevel.issueSessionToken()).get(`/contacts/${id}/tasks`)).data.tasks).toHaveLength(1);
			const updated = await v2().put(`/contacts/${id}/tasks/${taskId}`, { title: 'Call back on Monday' });
			expect(updated.data.task).toMatchObject({ id: taskId, title: 'Call back on Monday', dueDate: due });
			expect((await v2().put(`/contacts/${id}/tasks/${taskId}`, { contactId: 'other' })).status).toBe(422);
			expect((await v2().put(`/contacts/${id}/tasks/${taskId}/completed`, {})).data.message).toEqual(['completed is required']);
			expect((await v2().put(`/contacts/${id}/tasks/${taskId}/completed`, { completed: true })).data.task.completed).toBe(true);

			const other = await contactId();
			expect((await v2().get(`/contacts/${other}/tasks/${taskId}`)).data).toEqual({ statusCode: 404, message: 'Task not found' });
			expect((await v2().delete(`/contacts/${id}/tasks/${taskId}`)).data).toEqual({ succeded: true });
			expect((await v2().delete(`/contacts/${id}/tasks/${taskId}`)).status).toBe(404);
		});

		it("notes: NotesDTO's body required, no other property than userId; listed per contact", async () => {
			const id = await contactId();
			const created = await v2().post(`/contacts/${id}/notes`, { body: 'Met at the fair', userId: 'user-sandbox-0001' });
			expect(created.status).toBe(201);
			expect(created.data.note).toEqual({
				id: expect.any(String),
				body: 'Met at the fair',
				userId: 'user-sandbox-0001',
				dateAdded: expect.any(String),
				contactId: id,
			});
			expect((await v2().post(`/contacts/${id}/notes`, {})).data.message).toEqual(['body should not be empty']);
			expect((await v2().post(`/contacts/${id}/notes`, { body: 'x', title: 'y' })).data.message).toEqual([
				'property title should not exist',
			]);
			expect((await v2().get(`/contacts/${id}/notes`)).data.notes.map((note: { body: string }) => note.body)).toEqual(['Met at the fair']);
			expect((await v2().get('/contacts/nope/notes')).status).toBe(404);
		});

		it('workflows: listed for the location, a contact added and removed; unknown workflow or contact 404, CreateWorkflowDto checked', async () => {
			expect((await v2().get('/workflows/')).data.message).toEqual(['locationId should not be empty']);
			expect((await v2().get('/workflows/', { params: { locationId } })).data.workflows).toEqual([
				expect.objectContaining({ id: workflowId, name: 'New Lead Nurture', status: 'published', locationId }),
			]);
			const id = await contactId();
			expect((await v2().post(`/contacts/${id}/workflow/${workflowId}`, { eventStartTime: due })).data).toEqual({ succeded: true });
			expect(store().enrollments.get(workflowId)).toEqual(new Set([id]));
			expect((await v2().post(`/contacts/${id}/workflow/wf-unknown`, {})).data).toEqual({ statusCode: 404, message: 'Workflow not found' });
			expect((await v2().post(`/contacts/nope/workflow/${workflowId}`, {})).data.message).toBe('Contact not found');
			expect((await v2().post(`/contacts/${id}/workflow/${workflowId}`, { eventStartTime: 'soon' })).data.message).toEqual([
				'eventStartTime must be a valid ISO 8601 date string',
			]);
			expect((await v2().post(`/contacts/${id}/workflow/${workflowId}`, { startAt: due })).status).toBe(422);
			expect((await v2().delete(`/contacts/${id}/workflow/${workflowId}`)).data).toEqual({ succeded: true });
			expect(store().enrollments.get(workflowId)).toEqual(new Set());
		});

		it('free slots: 30-minute weekday slots keyed by date, written in the zone asked for; the query checked', async () => {
			const slots = (params: object) => v2().get(`/calendars/${calendarId}/free-slots`, { params });
			const day = { startDate: monday, endDate: monday + 86_400_000 };
			const utc = await slots({ ...day, timezone: 'UTC' });
			expect(Object.keys(utc.data)).toEqual(['2030-01-07', 'traceId']);
			expect(utc.data['2030-01-07'].slots).toHaveLength(16);
			expect(utc.data['2030-01-07'].slots[0]).toBe('2030-01-07T14:00:00+00:00');
			const chicago = await slots({ ...day, timezone: 'America/Chicago' });
			expect(chicago.data['2030-01-07'].slots.slice(0, 2)).toEqual(['2030-01-07T08:00:00-06:00', '2030-01-07T08:30:00-06:00']);
			// Without a timezone, the location's own (America/Chicago).
			expect((await slots(day)).data['2030-01-07'].slots[0]).toBe('2030-01-07T08:00:00-06:00');
			expect(Object.keys((await slots({ startDate: monday + 5 * 86_400_000, endDate: monday + 7 * 86_400_000 })).data)).toEqual([
				'traceId',
			]);
			expect((await slots({ ...day, userId: 'someone-else' })).data).toEqual({ traceId: expect.any(String) });

			expect((await slots({ endDate: monday })).data.message).toEqual([
				'startDate must be a number conforming to the specified constraints',
			]);
			expect((await slots({ startDate: monday, endDate: monday + 32 * 86_400_000 })).data.message).toEqual([
				'Date range cannot be more than 31 days',
			]);
			expect((await slots({ ...day, timezone: 'Mars/Olympus' })).data.message).toEqual(['timezone must be a valid IANA timezone']);
			expect((await slots({ ...day, duration: 60 })).data.message).toEqual(['property duration should not exist']);
			expect((await v2().get('/calendars/calNope/free-slots', { params: day })).data).toEqual({
				statusCode: 404,
				message: 'Calendar not found',
			});
			expect((await v2().get('/calendars/', { params: { locationId } })).data.calendars).toEqual([
				expect.objectContaining({ id: calendarId, name: 'Discovery Call', locationId }),
			]);
		});

		it('booking: AppointmentCreateSchema checked, only a free slot unless told otherwise, and the slot is then taken', async () => {
			const id = await contactId();
			const book = (body: object) => v2().post('/calendars/events/appointments', { calendarId, locationId, contactId: id, ...body });
			const slot = '2030-01-07T08:30:00-06:00';
			const booked = await book({ startTime: slot, title: 'Discovery' });
			expect(booked.status).toBe(200);
			expect(booked.data).toMatchObject({
				id: expect.any(String),
				calendarId,
				locationId,
				contactId: id,
				startTime: slot,
				endTime: '2030-01-07T15:00:00.000Z',
				title: 'Discovery',
				appointmentStatus: 'confirmed',
				isRecurring: false,
			});
			expect((await book({ startTime: slot })).data).toEqual({
				statusCode: 400,
				message: 'The slot you have selected is no longer available.',
			});
			const after = await v2().get(`/calendars/${calendarId}/free-slots`, {
				params: { startDate: monday, endDate: monday + 86_400_000, timezone: 'America/Chicago' },
			});
			expect(after.data['2030-01-07'].slots).not.toContain(slot);
			expect(after.data['2030-01-07'].slots).toHaveLength(15);
			expect((await book({ startTime: '2030-01-07T03:00:00Z' })).status).toBe(400);
			expect((await book({ startTime: '2030-01-07T03:00:00Z', ignoreFreeSlotValidation: true })).status).toBe(200);

			const missing = await v2().post('/calendars/events/appointments', { locationId });
			expect(missing.data.message).toEqual(['calendarId should not be empty', 'contactId should not be empty', 'startTime is required']);
			expect((await book({ startTime: slot, notes: 'x' })).data.message).toEqual(['property notes should not exist']);
			expect((await book({ startTime: slot, appointmentStatus: 'maybe' })).data.message).toEqual([
				'appointmentStatus must be one of the following values: new, confirmed, cancelled, showed, noshow, invalid',
			]);
			expect((await book({ startTime: '2030-01-07T09:00:00-06:00', contactId: 'nope' })).data).toEqual({
				statusCode: 404,
				message: 'Contact not found',
			});
			expect((await book({ startTime: '2030-01-07T09:00:00-06:00', calendarId: 'calNope' })).data.message).toBe('Calendar not found');
		});

		it('counts every new route in the location window the other routes share', async () => {
			const id = await contactId();
			sandbox.configure({ rateLimits: { goHighLevel: { requests: 2 } } });
			sandbox.advanceClock(10_000);
			expect((await v2().get(`/contacts/${id}/notes`)).status).toBe(200);
			expect((await session(sandbox.goHighLevel.issueSessionToken()).get(`/contacts/${id}/tasks`)).status).toBe(200);
			const limited = await v2().get(`/calendars/${calendarId}/free-slots`, { params: { startDate: monday, endDate: monday + 1 } });
			expect(limited.status).toBe(429);
			expect(limited.headers['retry-after']).toEqual(expect.any(String));
		});
	});
});
