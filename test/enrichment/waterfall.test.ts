import { enrichPeople } from '../../lib/enrichment';
import type { ItemOutcome, StopRules } from '../../lib/enrichment';
import type { EnrichedRecord } from '../../lib/enrichment/result';
import { ProviderApiError } from '../../lib/transport';
import { ctx, fakeProvider, fakeVerifier } from './fakes';

const rules = (overrides: Partial<StopRules> = {}): StopRules => ({
	wanted: ['email'],
	stopAtVerifiedEmail: false,
	catchAll: 'accept',
	...overrides,
});

function records(outcomes: ItemOutcome[]): EnrichedRecord[] {
	return outcomes.map((outcome) => {
		if (!('record' in outcome)) throw new Error(`item ${outcome.itemIndex} has a problem: ${outcome.problem.message}`);
		return outcome.record;
	});
}

const byName = { firstName: 'Ada', lastName: 'Lovelace', domain: 'analytical.io' };

describe('person waterfall', () => {
	it('asks providers in order, only while a wanted field is missing, and says who supplied what', async () => {
		const apollo = fakeProvider('apollo', () => ({ title: 'CTO', linkedinUrl: 'https://linkedin.com/in/ada' }));
		const hunter = fakeProvider('hunter', () => ({ email: 'ada@analytical.io', emailStatus: 'verified', title: 'Chief' }));
		const zoomInfo = fakeProvider('zoomInfo', () => ({ phones: [{ number: '+1 555 0100' }] }));
		const [record] = records(
			await enrichPeople(ctx, [byName], {
				providers: [apollo.module, hunter.module, zoomInfo.module],
				rules: rules({ wanted: ['email', 'title'] }),
				options: {},
			}),
		);

		expect(record.person).toEqual({
			firstName: 'Ada',
			lastName: 'Lovelace',
			fullName: 'Ada Lovelace',
			companyDomain: 'analytical.io',
			title: 'CTO',
			linkedinUrl: 'https://linkedin.com/in/ada',
			email: 'ada@analytical.io',
			emailStatus: 'verified',
		});
		expect(record.enrichment.sources).toEqual({
			firstName: 'input',
			lastName: 'input',
			fullName: 'input',
			companyDomain: 'input',
			title: 'apollo',
			linkedinUrl: 'apollo',
			email: 'hunter',
			emailStatus: 'hunter',
		});
		expect(record.enrichment.attempts).toEqual([
			{ provider: 'apollo', status: 'matched', credits: 1 },
			{ provider: 'hunter', status: 'matched', credits: 1 },
		]);
		expect(zoomInfo.calls).toHaveLength(0);
		expect(record.enrichment).toMatchObject({ complete: true, missing: [], creditsSpent: 2 });
		expect(Object.keys(record.raw)).toEqual(['apollo', 'hunter']);
	});

	it('stops at the first verified email when asked, even with other fields missing', async () => {
		const apollo = fakeProvider('apollo', () => ({ email: 'ada@analytical.io', emailStatus: 'verified' }));
		const hunter = fakeProvider('hunter', () => ({ phones: [{ number: '1' }] }));
		const [record] = records(
			await enrichPeople(ctx, [byName], {
				providers: [apollo.module, hunter.module],
				rules: rules({ wanted: ['email', 'phone'], stopAtVerifiedEmail: true }),
				options: {},
			}),
		);
		expect(hunter.calls).toHaveLength(0);
		expect(record.enrichment).toMatchObject({ complete: true, missing: ['phone'] });
	});

	it('never pays for a field the input already has', async () => {
		const apollo = fakeProvider('apollo', () => ({ title: 'CTO' }));
		const [record] = records(
			await enrichPeople(ctx, [{ email: 'ada@analytical.io' }], {
				providers: [apollo.module],
				rules: rules({ wanted: ['email'] }),
				options: {},
			}),
		);
		expect(apollo.calls).toHaveLength(0);
		expect(record.enrichment).toMatchObject({ complete: true, creditsSpent: 0, sources: { email: 'input', companyDomain: 'input' } });
	});

	it('goes on past a miss and records it', async () => {
		const apollo = fakeProvider('apollo', () => undefined);
		const hunter = fakeProvider('hunter', () => ({ email: 'ada@analytical.io', emailStatus: 'guessed' }));
		const [record] = records(await enrichPeople(ctx, [byName], { providers: [apollo.module, hunter.module], rules: rules(), options: {} }));
		expect(record.enrichment.attempts.map((attempt) => [attempt.provider, attempt.status])).toEqual([
			['apollo', 'noMatch'],
			['hunter', 'matched'],
		]);
		expect(record.enrichment.creditsSpent).toBe(1);
	});

	describe('catch-all addresses', () => {
		const catchAll = () => fakeProvider('apollo', () => ({ email: 'info@catchall.io', emailStatus: 'catchAll' }));
		const verified = () => fakeProvider('hunter', () => ({ email: 'ada@catchall.io', emailStatus: 'verified' }));

		it('accept: a catch-all email ends the search', async () => {
			const later = verified();
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [catchAll().module, later.module],
					rules: rules({ catchAll: 'accept' }),
					options: {},
				}),
			);
			expect(record.person).toMatchObject({ email: 'info@catchall.io', emailStatus: 'catchAll' });
			expect(later.calls).toHaveLength(0);
		});

		it('continue: keeps looking and a verified address replaces the catch-all one', async () => {
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [catchAll().module, verified().module],
					rules: rules({ catchAll: 'continue' }),
					options: {},
				}),
			);
			expect(record.person).toMatchObject({ email: 'ada@catchall.io', emailStatus: 'verified' });
			expect(record.enrichment.sources.email).toBe('hunter');
		});

		it('continue: keeps the catch-all address when nothing better turns up', async () => {
			const nothing = fakeProvider('hunter', () => undefined);
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [catchAll().module, nothing.module],
					rules: rules({ catchAll: 'continue' }),
					options: {},
				}),
			);
			expect(record.person).toMatchObject({ email: 'info@catchall.io', emailStatus: 'catchAll' });
			expect(record.enrichment).toMatchObject({ complete: false, missing: ['email'] });
		});

		it('reject: a catch-all email is never taken', async () => {
			const nothing = fakeProvider('hunter', () => undefined);
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [catchAll().module, nothing.module],
					rules: rules({ catchAll: 'reject' }),
					options: {},
				}),
			);
			expect(record.person?.email).toBeUndefined();
		});
	});

	it('never pays twice: 100 inputs with 30 duplicates cost 70 lookups', async () => {
		const apollo = fakeProvider(
			'apollo',
			(lookup) => ({ email: `${lookup.firstName?.toLowerCase()}@${lookup.domain}`, emailStatus: 'verified' }),
			{ batchSize: 10 },
		);
		const inputs = Array.from({ length: 70 }, (_, index) => ({ firstName: `Person${index}`, lastName: 'Test', domain: `co${index}.com` }));
		// 30 repeats, differing only in case, spacing and URL form: they are the same people.
		const repeats = Array.from({ length: 30 }, (_, index) => ({
			firstName: ` person${index} `,
			lastName: 'TEST',
			domain: `https://www.CO${index}.com/`,
		}));
		const outcomes = records(await enrichPeople(ctx, [...inputs, ...repeats], { providers: [apollo.module], rules: rules(), options: {} }));

		expect(apollo.calls.flat()).toHaveLength(70);
		expect(apollo.calls).toHaveLength(7);
		expect(outcomes).toHaveLength(100);
		expect(outcomes.reduce((sum, record) => sum + record.enrichment.creditsSpent, 0)).toBe(70);
		expect(outcomes[75]).toMatchObject({ person: { email: 'person5@co5.com' }, enrichment: { duplicateOfItem: 5, creditsSpent: 0 } });
	});

	it('batches lookups at the provider size', async () => {
		const zoomInfo = fakeProvider('zoomInfo', () => ({ email: 'x@y.io', emailStatus: 'verified' }), { batchSize: 25 });
		const inputs = Array.from({ length: 60 }, (_, index) => ({ email: `p${index}@y.io` }));
		await enrichPeople(ctx, inputs, { providers: [zoomInfo.module], rules: rules({ wanted: ['title'] }), options: {} });
		expect(zoomInfo.calls.map((batch) => batch.length)).toEqual([25, 25, 10]);
	});

	it('drops a provider whose quota runs out and moves on, with the reason on every item', async () => {
		const apollo = fakeProvider('apollo', () => undefined, { batchSize: 10, failAfter: 1 });
		const hunter = fakeProvider('hunter', () => ({ email: 'found@x.io', emailStatus: 'verified' }));
		const inputs = Array.from({ length: 35 }, (_, index) => ({ firstName: `P${index}`, lastName: 'Q', domain: 'x.io' }));
		const outcomes = records(await enrichPeople(ctx, inputs, { providers: [apollo.module, hunter.module], rules: rules(), options: {} }));

		// One good batch, one failing batch; the remaining batches never reach Apollo.
		expect(apollo.calls).toHaveLength(2);
		expect(hunter.calls).toHaveLength(35);
		expect(outcomes.every((record) => record.person?.email === 'found@x.io')).toBe(true);
		expect(outcomes[0].enrichment.attempts[0]).toMatchObject({ provider: 'apollo', status: 'noMatch' });
		expect(outcomes[15].enrichment.attempts[0]).toMatchObject({
			provider: 'apollo',
			status: 'error',
			reason: 'apollo: out of credits (HTTP 429)',
		});
		expect(outcomes[34].enrichment.attempts[0]).toMatchObject({
			provider: 'apollo',
			status: 'skipped',
			reason: 'apollo stopped for this run: apollo: out of credits (HTTP 429)',
		});
	});

	it('a server error fails only its batch, and later batches still go to the provider', async () => {
		let call = 0;
		const flaky = fakeProvider('apollo', () => ({ email: 'a@b.io', emailStatus: 'verified' }), { batchSize: 1 });
		const original = flaky.module.personEnricher!.enrichPeople;
		flaky.module.personEnricher!.enrichPeople = async (c, lookups, o) => {
			if (call++ === 0)
				throw new ProviderApiError(ctx.getNode(), { provider: 'Apollo', kind: 'server', message: 'Apollo: oops (HTTP 500)' });
			return await original(c, lookups, o);
		};
		const outcomes = records(
			await enrichPeople(ctx, [{ email: 'one@b.io' }, { email: 'two@b.io' }], {
				providers: [flaky.module],
				rules: rules({ wanted: ['title'] }),
				options: {},
			}),
		);
		expect(outcomes.map((record) => record.enrichment.attempts[0].status)).toEqual(['error', 'matched']);
	});

	it('skips a provider that cannot look the person up, and says what it needs', async () => {
		const hunter = fakeProvider('hunter', () => ({ email: 'z@z.io' }), { accepts: (lookup) => Boolean(lookup.firstName && lookup.domain) });
		const [record] = records(
			await enrichPeople(ctx, [{ linkedinUrl: 'https://linkedin.com/in/someone' }], {
				providers: [hunter.module],
				rules: rules(),
				options: {},
			}),
		);
		expect(record.enrichment.attempts).toEqual([
			{
				provider: 'hunter',
				status: 'skipped',
				credits: 0,
				reason: 'not enough input: Hunter finds emails from a first and last name with a company domain',
			},
		]);
	});

	it('lets a later provider use what an earlier one found', async () => {
		const apollo = fakeProvider('apollo', () => ({ firstName: 'Ada', lastName: 'Lovelace', companyDomain: 'analytical.io' }));
		const hunter = fakeProvider(
			'hunter',
			(lookup) => ({ email: `${lookup.firstName}@${lookup.domain}`.toLowerCase(), emailStatus: 'verified' }),
			{ accepts: (lookup) => Boolean(lookup.firstName && lookup.domain) },
		);
		const [record] = records(
			await enrichPeople(ctx, [{ linkedinUrl: 'https://linkedin.com/in/ada' }], {
				providers: [apollo.module, hunter.module],
				rules: rules(),
				options: {},
			}),
		);
		expect(record.person?.email).toBe('ada@analytical.io');
	});

	it('verifies each distinct found email once and records the result', async () => {
		const apollo = fakeProvider('apollo', (lookup) => ({
			email: lookup.domain === 'bad.io' ? 'x@bad.io' : 'shared@ok.io',
			emailStatus: 'guessed',
		}));
		const verifier = fakeVerifier((email) => (email.endsWith('bad.io') ? 'invalid' : 'verified'));
		const outcomes = records(
			await enrichPeople(
				ctx,
				[
					{ ...byName, domain: 'ok.io' },
					{ firstName: 'Bob', lastName: 'B', domain: 'ok.io' },
					{ firstName: 'C', lastName: 'D', domain: 'bad.io' },
				],
				{
					providers: [apollo.module],
					rules: rules({ wanted: ['title'] }),
					verifier,
					options: {},
				},
			),
		);
		expect(verifier.calls.sort()).toEqual(['shared@ok.io', 'x@bad.io']);
		expect(outcomes[0].enrichment.verification).toEqual({ provider: 'hunter', status: 'verified', score: 90 });
		expect(outcomes[0].enrichment.sources.emailStatus).toBe('hunter');
		expect(outcomes[2].person?.emailStatus).toBe('invalid');
		expect(
			outcomes.reduce(
				(sum, record) =>
					sum +
					record.enrichment.attempts
						.filter((attempt) => attempt.provider === 'hunter')
						.reduce((total, attempt) => total + attempt.credits, 0),
				0,
			),
		).toBe(2);
	});

	it('gives bad items a problem naming the field and enriches the others', async () => {
		const apollo = fakeProvider('apollo', () => ({ title: 'X' }));
		const outcomes = await enrichPeople(
			ctx,
			[
				{ email: 'not-an-email' },
				{ firstName: 'Solo' },
				{ firstName: 'A', lastName: 'B', domain: 'not a domain' },
				{ email: 42 },
				{ email: 'ok@fine.io' },
			],
			{
				providers: [apollo.module],
				rules: rules({ wanted: ['title'] }),
				options: {},
			},
		);
		expect(outcomes.slice(0, 4)).toEqual([
			{ itemIndex: 0, problem: { field: 'email', message: 'email "not-an-email" is not a valid email address' } },
			{
				itemIndex: 1,
				problem: {
					field: 'email',
					message: 'nothing to look the person up by: give an email, a LinkedIn URL, or a first and last name with a company domain',
				},
			},
			{ itemIndex: 2, problem: { field: 'domain', message: 'domain "not a domain" is not a valid domain' } },
			{ itemIndex: 3, problem: { field: 'email', message: 'email must be text, not number' } },
		]);
		expect(outcomes[4]).toMatchObject({ itemIndex: 4, record: { person: { title: 'X' } } });
		expect(apollo.calls.flat()).toHaveLength(1);
	});
});
