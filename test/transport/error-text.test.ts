import { providerErrorText } from '../../lib/transport/message-at';

describe("the provider's own words for a refusal", () => {
	it("prefers the provider profile's reading of its body", () => {
		expect(providerErrorText({ message: 'generic' }, 'Invalid API key', 401)).toBe('Invalid API key');
	});

	it.each([
		[{ error: { code: 'INVALID_INPUT', message: 'Unknown field companyWebsite' } }, 'Unknown field companyWebsite (INVALID_INPUT)'],
		[{ errors: [{ message: 'email is invalid', code: 'bad_email' }] }, 'email is invalid (bad_email)'],
		[{ errors: ['name is required'] }, 'name is required'],
		[{ detail: 'Not allowed', title: 'Forbidden' }, 'Not allowed'],
		[{ message: 'Batch too large', code: 400 }, 'Batch too large'],
		[{ message: 'Batch too large', code: 4013 }, 'Batch too large (4013)'],
		['Service Unavailable', 'Service Unavailable'],
		['<html><body><h1>502 Bad Gateway</h1>\n</body></html>', '502 Bad Gateway'],
	])('reads %j as "%s"', (body, text) => {
		expect(providerErrorText(body, undefined, 400)).toBe(text);
	});

	it('quotes a body it cannot read rather than the HTTP client text, and has nothing for no body', () => {
		expect(providerErrorText({ status: 'rejected', reasons: [1, 2] }, undefined, 400)).toBe('{"status":"rejected","reasons":[1,2]}');
		expect(providerErrorText(undefined, undefined, 400)).toBeUndefined();
		expect(providerErrorText('', undefined, 400)).toBeUndefined();
	});
});
