import type { PersonLookup } from '../../lib/sources/contracts';
import { PROVIDER_MODULES } from '../../lib/sources/registry';

const { apollo, zoomInfo, hunter, upLead } = PROVIDER_MODULES;
const byName = (domain: string, firstName = 'Ada'): PersonLookup => ({
	firstName,
	lastName: 'Lovelace',
	fullName: `${firstName} Lovelace`,
	domain,
});

describe("each provider's charge model: the most a lookup can cost", () => {
	it('Apollo: 1 a person, 8 more with Reveal Phone Numbers', () => {
		const lookups = [{ email: 'a@x.io' }, byName('x.io')];
		expect(apollo.personEnricher!.maxCredits(lookups, {})).toBe(2);
		expect(apollo.personEnricher!.maxCredits(lookups, { revealPhone: true })).toBe(18);
		expect(apollo.companyEnricher!.maxCredits([{ domain: 'x.io' }])).toBe(1);
	});

	it('ZoomInfo: 1 a contact, and 1 per distinct domain whose company must be resolved first', () => {
		const enricher = zoomInfo.personEnricher!;
		expect(enricher.maxCredits([{ email: 'a@x.io' }, { firstName: 'A', lastName: 'B', companyName: 'X' }], {})).toBe(2);
		expect(enricher.maxCredits([byName('x.io'), byName('x.io', 'Bob'), byName('y.io')], {})).toBe(5);
		// Only another provider's id: it reaches ZoomInfo once an earlier provider filled it in, maybe with a domain to resolve.
		expect(enricher.maxCredits([{ ids: { apollo: 'p1' } }], {})).toBe(2);
		expect(zoomInfo.companyEnricher!.maxCredits([{ domain: 'x.io' }, { name: 'Y' }])).toBe(2);
	});

	it('Hunter: 1 per email found, 1 per verification', () => {
		expect(hunter.personEnricher!.maxCredits([byName('x.io'), byName('y.io')], {})).toBe(2);
		expect(hunter.emailVerifier!.creditsPerVerification).toBe(1);
	});

	it('UpLead: 1 per record found', () => {
		expect(upLead.personEnricher!.maxCredits([{ email: 'a@x.io' }], {})).toBe(1);
		expect(upLead.companyEnricher!.maxCredits([{ domain: 'x.io' }, { domain: 'y.io' }])).toBe(2);
	});
});
