import { parseBody, valueAt } from '../../lib/webhooks';

describe('parseBody (from the raw bytes the signature covered)', () => {
	it('reads JSON, +json and untyped JSON; form fields, repeated ones as lists; other types as text', () => {
		expect(parseBody(Buffer.from('{"a":1,"b":[true]}'), 'application/json; charset=utf-8')).toEqual({
			ok: true,
			body: { a: 1, b: [true] },
		});
		expect(parseBody(Buffer.from('[1]'), 'application/vnd.api+json')).toEqual({ ok: true, body: [1] });
		expect(parseBody(Buffer.from(' {"a":1}'), undefined)).toEqual({ ok: true, body: { a: 1 } });
		expect(parseBody(Buffer.from('\uFEFF{"a":1}'), 'application/json')).toEqual({ ok: true, body: { a: 1 } });
		expect(parseBody(Buffer.from('a=1&b=x+y&c=%C3%A9&c=2'), 'application/x-www-form-urlencoded')).toEqual({
			ok: true,
			body: { a: '1', b: 'x y', c: ['é', '2'] },
		});
		expect(parseBody(Buffer.from('<xml/>'), 'application/xml')).toEqual({ ok: true, body: '<xml/>' });
		// The Content-Type is not signed: JSON bytes mean JSON whatever it says, unless it says form.
		expect(parseBody(Buffer.from('{"id":"evt"}'), 'text/plain')).toEqual({ ok: true, body: { id: 'evt' } });
		expect(parseBody(Buffer.from('{"id":'), 'text/plain')).toEqual({ ok: true, body: '{"id":' });
		expect(parseBody(Buffer.alloc(0), 'application/json')).toEqual({ ok: true, body: {} });
	});

	it('reports bodies it cannot read instead of throwing', () => {
		expect(parseBody(Buffer.from('{"a":'), 'application/json')).toEqual({ ok: false, reason: 'body is not valid JSON' });
		expect(parseBody(Buffer.from([0xff, 0xfe, 0x7b]), 'application/json')).toEqual({ ok: false, reason: 'body is not UTF-8' });
	});

	it('reads dotted paths without walking into prototypes', () => {
		expect(valueAt({ data: { object: { id: 'evt' } } }, 'data.object.id')).toBe('evt');
		expect(valueAt({ a: 1 }, 'a.b')).toBeUndefined();
		expect(valueAt({}, 'constructor')).toBeUndefined();
		expect(valueAt('text', 'length')).toBeUndefined();
	});
});
