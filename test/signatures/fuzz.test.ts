/**
 * Thousands of random mutations of a valid request per scheme, from a seeded PRNG so a failure
 * replays: none may be accepted, none may throw, and every refusal is a 400 or a 401. Mutations
 * that leave the request meaning the same (a hex signature in upper case, the URL-safe base64
 * alphabet, whitespace around a header) are recognised and not counted.
 */
import { mulberry32 } from '../../sandbox/prng';
import { mutate, sameMeaning } from './mutations';
import { JSON_BODY, NOW, SCHEMES, requestOf } from './schemes';

const MUTATIONS_PER_SCHEME = 2000;

describe.each(SCHEMES.map((fixture) => [fixture.name, fixture] as const))('fuzzing %s', (name, fixture) => {
	it(`accepts none of ${MUTATIONS_PER_SCHEME} random mutations, throws on none, answers 400 or 401`, () => {
		const random = mulberry32(name.length * 7919 + 17);
		const parts = fixture.sign(JSON_BODY);
		const original = requestOf(fixture, parts);
		expect(fixture.verify(original, NOW).ok).toBe(true);

		const statuses = { 400: 0, 401: 0 };
		let tried = 0;
		let equivalent = 0;
		while (tried < MUTATIONS_PER_SCHEME) {
			const request = mutate(random, fixture, parts);
			if (sameMeaning(fixture, original, request, parts)) {
				equivalent++;
				continue;
			}
			tried++;
			const result = fixture.verify(request, NOW);
			if (result.ok || ![400, 401].includes(result.status)) {
				throw new Error(
					`not refused with 400/401: ${JSON.stringify({ result, headers: request.headers, body: request.rawBody.toString('base64') })}`,
				);
			}
			statuses[result.status]++;
		}
		expect(statuses[400] + statuses[401]).toBe(MUTATIONS_PER_SCHEME);
		// Both kinds of refusal occur, so the mutations reach past the header checks into the signature check.
		expect(statuses[401]).toBeGreaterThan(MUTATIONS_PER_SCHEME / 10);
		expect(equivalent).toBeLessThan(MUTATIONS_PER_SCHEME);
	});
});
