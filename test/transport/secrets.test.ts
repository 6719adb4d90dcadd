import { collectSecrets, maskDeep, maskSecrets } from '../../lib/transport';

describe('secret masking', () => {
	const credentials = {
		baseUrl: 'https://api.example.com',
		username: 'ops@example.com',
		password: 'hunter2-correct-horse',
		apiKey: 'key_12345678',
		tokenId: 'session-token-value',
		oauthTokenData: { access_token: 'at_abcdef', refresh_token: 'rt_abcdef', token_type: 'Bearer', scope: 'all' },
	};

	it('collects secret fields, nested token data included, and nothing else', () => {
		expect(collectSecrets(credentials).sort()).toEqual([
			'at_abcdef',
			'hunter2-correct-horse',
			'key_12345678',
			'rt_abcdef',
			'session-token-value',
		]);
	});

	it('masks collected values and token shapes it was not told about', () => {
		const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
		const text = `login hunter2-correct-horse failed; header Bearer abc.def.ghi123; jwt ${jwt}`;
		expect(maskSecrets(text, collectSecrets(credentials))).toBe('login *** failed; header Bearer ***; jwt ***');
	});

	it('masks secret-named fields and secret values inside bodies', () => {
		expect(
			maskDeep(
				{ error: 'bad key key_12345678', api_key: 'whatever', fieldKey: 'contact.score', list: ['at_abcdef'] },
				collectSecrets(credentials),
			),
		).toEqual({
			error: 'bad key ***',
			api_key: '***',
			fieldKey: 'contact.score',
			list: ['***'],
		});
	});
});
