import { enrichPeople } from '../../lib/enrichment';
import type { EnrichedRecord } from '../../lib/enrichment/result';
import { ProviderApiError } from '../../lib/transport';
import { afterLostSends } from '../../lib/sources/lost-sends';
import { ctx, fakeProvider, fakeVerifier, records, rules } from './fakes';

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

	describe('guessed addresses', () => {
		/** Apollo's guess from the company's pattern is wrong; Hunter knows the right address. */
		const guessing = () => fakeProvider('apollo', () => ({ email: 'a.lovelace@analytical.io', emailStatus: 'guessed' }));
		const finder = () => fakeProvider('hunter', () => ({ email: 'ada@analytical.io', emailStatus: 'verified' }));
		const verificationCredits = (record: EnrichedRecord) =>
			record.enrichment.attempts
				.filter((attempt) => attempt.reason?.startsWith('email verification') === true)
				.reduce((sum, attempt) => sum + attempt.credits, 0);

		it('continue: a guessed email does not end the search, and a later verified one replaces it', async () => {
			const hunter = finder();
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [guessing().module, hunter.module],
					rules: rules({ guessed: 'continue' }),
					options: {},
				}),
			);
			expect(hunter.calls).toHaveLength(1);
			expect(record.person).toMatchObject({ email: 'ada@analytical.io', emailStatus: 'verified' });
			expect(record.enrichment).toMatchObject({ complete: true, sources: { email: 'hunter', emailStatus: 'hunter' } });
		});

		it('continue: keeps the guessed email when nothing better turns up, and says the email is still missing', async () => {
			const nothing = fakeProvider('hunter', () => undefined);
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [guessing().module, nothing.module],
					rules: rules({ guessed: 'continue' }),
					options: {},
				}),
			);
			expect(nothing.calls).toHaveLength(1);
			expect(record.person).toMatchObject({ email: 'a.lovelace@analytical.io', emailStatus: 'guessed' });
			expect(record.enrichment).toMatchObject({ complete: false, missing: ['email'] });
		});

		it('accept: a guessed email ends the search, as before', async () => {
			const hunter = finder();
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [guessing().module, hunter.module],
					rules: rules({ guessed: 'accept' }),
					options: {},
				}),
			);
			expect(hunter.calls).toHaveLength(0);
			expect(record.person).toMatchObject({ email: 'a.lovelace@analytical.io', emailStatus: 'guessed' });
			expect(record.enrichment.complete).toBe(true);
		});

		it('verify: a guessed email the verifier confirms ends the search without the next provider', async () => {
			const hunter = finder();
			const verifier = fakeVerifier(() => 'verified');
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [guessing().module, hunter.module],
					rules: rules({ guessed: 'verify' }),
					verifier,
					options: {},
				}),
			);
			expect(verifier.calls).toEqual(['a.lovelace@analytical.io']);
			expect(hunter.calls).toHaveLength(0);
			expect(record.person).toMatchObject({ email: 'a.lovelace@analytical.io', emailStatus: 'verified', emailConfidence: 90 });
			expect(record.enrichment).toMatchObject({ complete: true, verification: { provider: 'hunter', status: 'verified' } });
		});

		it('verify: a guessed email the verifier calls invalid is dropped, and the next provider finds another', async () => {
			const hunter = finder();
			const verifier = fakeVerifier((email) => (email === 'a.lovelace@analytical.io' ? 'invalid' : 'verified'));
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [guessing().module, hunter.module],
					rules: rules({ guessed: 'verify' }),
					verifier,
					options: {},
				}),
			);
			expect(hunter.calls).toHaveLength(1);
			// Hunter's address came verified: only Apollo's guess was checked.
			expect(verifier.calls).toEqual(['a.lovelace@analytical.io']);
			expect(record.person).toMatchObject({ email: 'ada@analytical.io', emailStatus: 'verified' });
			expect(record.enrichment).toMatchObject({ complete: true, sources: { email: 'hunter' } });
			expect(record.enrichment).not.toHaveProperty('verification');
			expect(record.enrichment.rejectedEmails).toEqual([
				{ email: 'a.lovelace@analytical.io', source: 'apollo', verification: { provider: 'hunter', status: 'invalid', score: 90 } },
			]);
			expect(record.enrichment.attempts.map((attempt) => [attempt.provider, attempt.status, attempt.credits, attempt.reason])).toEqual([
				['apollo', 'matched', 1, undefined],
				['hunter', 'matched', 1, 'email verification: invalid'],
				['hunter', 'matched', 1, undefined],
			]);
		});

		it('verify: when the verifier cannot say, the guessed email is kept as a fallback and the next provider is asked', async () => {
			const nothing = fakeProvider('hunter', () => undefined);
			const verifier = fakeVerifier(() => 'verified');
			verifier.verifyEmail = async () => {
				throw new ProviderApiError(ctx.getNode(), { provider: 'hunter', kind: 'quotaExhausted', message: 'Hunter: out of verifications' });
			};
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [guessing().module, nothing.module],
					rules: rules({ guessed: 'verify' }),
					verifier,
					options: {},
				}),
			);
			expect(nothing.calls).toHaveLength(1);
			expect(record.person).toMatchObject({ email: 'a.lovelace@analytical.io', emailStatus: 'guessed' });
			expect(record.enrichment).toMatchObject({ complete: false, missing: ['email'] });
			expect(record.enrichment.attempts.filter((attempt) => attempt.status === 'error')).toEqual([
				{ provider: 'hunter', status: 'error', credits: 0, reason: 'Hunter: out of verifications' },
			]);
		});

		it('Verify Found Emails: an invalid email is dropped right after the provider that found it, and the next one is asked', async () => {
			const hunter = finder();
			const verifier = fakeVerifier((email) => (email === 'a.lovelace@analytical.io' ? 'invalid' : 'verified'));
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [guessing().module, hunter.module],
					rules: rules({ guessed: 'accept' }),
					verifier,
					verifyFound: true,
					options: {},
				}),
			);
			expect(hunter.calls).toHaveLength(1);
			expect(record.person).toMatchObject({ email: 'ada@analytical.io', emailStatus: 'verified' });
			expect(record.enrichment.rejectedEmails?.map((rejected) => rejected.email)).toEqual(['a.lovelace@analytical.io']);
		});

		it('Verify Found Emails: an invalid email found by the last provider is dropped too', async () => {
			const verifier = fakeVerifier(() => 'invalid');
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [guessing().module],
					rules: rules({ guessed: 'continue' }),
					verifier,
					verifyFound: true,
					options: {},
				}),
			);
			expect(verifier.calls).toEqual(['a.lovelace@analytical.io']);
			expect(record.person).not.toHaveProperty('email');
			expect(record.enrichment).toMatchObject({ complete: false, missing: ['email'] });
			expect(record.enrichment.rejectedEmails).toHaveLength(1);
		});

		it('Verify Found Emails: a fallback kept under Keep Looking is not checked once a later provider replaced it', async () => {
			const verifier = fakeVerifier(() => 'verified');
			const [record] = records(
				await enrichPeople(ctx, [byName], {
					providers: [guessing().module, finder().module],
					rules: rules({ guessed: 'continue' }),
					verifier,
					verifyFound: true,
					options: {},
				}),
			);
			expect(verifier.calls).toEqual([]);
			expect(record.person).toMatchObject({ email: 'ada@analytical.io', emailStatus: 'verified' });
		});

		it('verifies each distinct address once per run, whichever people and providers it comes from', async () => {
			// Apollo guesses the same generic address for three people at one company; Hunter offers it again for one of them.
			const apollo = fakeProvider('apollo', () => ({ email: 'info@ok.io', emailStatus: 'guessed' }));
			const hunter = fakeProvider('hunter', (lookup) => ({
				email: lookup.firstName === 'Ada' ? 'info@ok.io' : `${lookup.firstName?.toLowerCase()}@ok.io`,
				emailStatus: 'guessed',
			}));
			const verifier = fakeVerifier((email) => (email === 'info@ok.io' ? 'invalid' : 'verified'));
			const outcomes = records(
				await enrichPeople(
					ctx,
					[
						{ ...byName, domain: 'ok.io' },
						{ firstName: 'Bob', lastName: 'B', domain: 'ok.io' },
						{ firstName: 'Cy', lastName: 'C', domain: 'ok.io' },
					],
					{ providers: [apollo.module, hunter.module], rules: rules({ guessed: 'verify' }), verifier, options: {} },
				),
			);
			expect(verifier.calls.sort()).toEqual(['bob@ok.io', 'cy@ok.io', 'info@ok.io']);
			expect(hunter.calls).toHaveLength(3);
			expect(outcomes.map((record) => record.person?.email)).toEqual([undefined, 'bob@ok.io', 'cy@ok.io']);
			expect(outcomes[0].enrichment.rejectedEmails?.map((rejected) => rejected.source)).toEqual(['apollo', 'hunter']);
			expect(outcomes.reduce((sum, record) => sum + verificationCredits(record), 0)).toBe(3);
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

	describe('paid answers lost on the way back', () => {
		const people = (count: number) =>
			Array.from({ length: count }, (_, index) => ({ firstName: `P${index}`, lastName: 'Q', domain: 'x.io' }));
		/** Apollo, whose first call is answered after `lostSends` answers were lost, or fails having lost them (`lostCredits` then). */
		function losingApollo(lostSends: number, failsWith?: { credits: number }) {
			const apollo = fakeProvider('apollo', () => ({ title: 'CTO' }), { batchSize: 2 });
			const answer = apollo.module.personEnricher!.enrichPeople;
			apollo.module.personEnricher!.enrichPeople = async (c, lookups, o) => {
				const first = apollo.calls.length === 0;
				const outcomes = await answer(c, lookups, o);
				if (!first) return outcomes;
				if (failsWith === undefined) return outcomes.map((outcome) => afterLostSends(outcome, lostSends));
				throw new ProviderApiError(ctx.getNode(), {
					provider: 'Apollo',
					kind: 'outcomeUnknown',
					message: 'Apollo: answer lost, not re-sent to avoid paying twice (the connection was dropped)',
					lost: { sends: lostSends, credits: failsWith.credits },
				});
			};
			return apollo;
		}

		it('an answer that came after lost ones: its attempt counts them, and its reason says at what', async () => {
			const apollo = losingApollo(2);
			const outcomes = records(
				await enrichPeople(ctx, people(3), { providers: [apollo.module], rules: rules({ wanted: ['title'] }), options: {} }),
			);
			expect(outcomes[0].enrichment.attempts).toEqual([
				{
					provider: 'apollo',
					status: 'matched',
					credits: 3,
					lost: { sends: 2, credits: 2 },
					reason: '2 lost answers, sent again: counted as 2 credits more, what the answer cost',
				},
			]);
			expect(outcomes.map((record) => record.enrichment.creditsSpent)).toEqual([3, 3, 1]);
		});

		it('no answer at all: the items fail with the provider, the worst case shared out on them, and the next provider is asked', async () => {
			const apollo = losingApollo(1, { credits: 3 });
			const hunter = fakeProvider('hunter', () => ({ email: 'p@x.io', emailStatus: 'verified' }));
			const outcomes = records(
				await enrichPeople(ctx, people(3), { providers: [apollo.module, hunter.module], rules: rules(), options: {} }),
			);
			expect(outcomes[0].enrichment.attempts[0]).toEqual({
				provider: 'apollo',
				status: 'error',
				credits: 2,
				failed: true,
				lost: { sends: 1, credits: 2 },
				reason:
					'Apollo: answer lost, not re-sent to avoid paying twice (the connection was dropped); 1 lost answer: counted as 2 credits, ' +
					'what the lookup costs if found',
			});
			expect(outcomes[1].enrichment.attempts[0]).toMatchObject({ status: 'error', credits: 1, lost: { sends: 1, credits: 1 } });
			expect(outcomes.map((record) => record.enrichment.creditsSpent)).toEqual([3, 2, 2]);
			expect(hunter.calls).toHaveLength(3);
			expect(outcomes.every((record) => record.person?.email === 'p@x.io')).toBe(true);
		});
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
					verifyFound: true,
					options: {},
				},
			),
		);
		expect(verifier.calls.sort()).toEqual(['shared@ok.io', 'x@bad.io']);
		expect(outcomes[0].enrichment.verification).toEqual({ provider: 'hunter', status: 'verified', score: 90 });
		expect(outcomes[0].enrichment.sources.emailStatus).toBe('hunter');
		expect(outcomes[2].person).not.toHaveProperty('email');
		expect(outcomes[2].person).not.toHaveProperty('emailStatus');
		expect(outcomes[2].enrichment).not.toHaveProperty('verification');
		expect(outcomes[2].enrichment.rejectedEmails).toEqual([
			{ email: 'x@bad.io', source: 'apollo', verification: { provider: 'hunter', status: 'invalid', score: 90 } },
		]);
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
