import { KeyedMemory, dateOfDay, dayOf } from '../../lib/memory/keyed-memory';

describe('KeyedMemory', () => {
	it('recalls the latest day any of the keys was recorded, with its flags, and nothing before `sinceDay`', () => {
		const memory = KeyedMemory.from(undefined);
		memory.record(['email:a@x.test', 'name:ada|x.test'], 100, 0b01);
		memory.record(['name:ada|x.test'], 105, 0b10);
		expect(memory.recall(['email:a@x.test'])).toEqual({ day: 100, flags: 0b01 });
		expect(memory.recall(['email:a@x.test', 'name:ada|x.test'])).toEqual({ day: 105, flags: 0b10 });
		expect(memory.recall(['email:a@x.test'], 101)).toBeUndefined();
		expect(memory.recall(['email:b@x.test'])).toBeUndefined();
	});

	it('keeps the flags of an earlier record the same day', () => {
		const memory = KeyedMemory.from(undefined);
		memory.record(['k'], 7, 0b001);
		memory.record(['k'], 7, 0b100);
		expect(memory.recall(['k'])).toEqual({ day: 7, flags: 0b101 });
		memory.record(['k'], 8, 0b010);
		expect(memory.recall(['k'])).toEqual({ day: 8, flags: 0b010 });
	});

	it('stores hashes, never the keys, and reads back what it stored', () => {
		const memory = KeyedMemory.from(undefined);
		memory.record(['email:secret.person@x.test'], 20_000, 3);
		const stored = JSON.parse(JSON.stringify(memory.toJSON())) as Record<string, number>;
		expect(JSON.stringify(stored)).not.toContain('secret');
		expect(Object.keys(stored)[0]).toMatch(/^[\w-]{12}$/);
		expect(KeyedMemory.from(stored).recall(['email:secret.person@x.test'])).toEqual({ day: 20_000, flags: 3 });
	});

	it('ignores what it cannot read instead of failing the run', () => {
		expect(KeyedMemory.from('garbage').size).toBe(0);
		expect(KeyedMemory.from([1, 2]).size).toBe(0);
		expect(KeyedMemory.from({ a: 'x', b: -1, c: 1.5, d: 64 }).size).toBe(1);
	});

	it('forgets what is older than the window, then the oldest past the bound, and says it changed', () => {
		const memory = KeyedMemory.from(undefined);
		for (let day = 1; day <= 10; day++) memory.record([`k${day}`], day);
		const reread = KeyedMemory.from(memory.toJSON());
		expect(reread.isChanged).toBe(false);
		reread.prune(4, 5);
		expect(reread.isChanged).toBe(true);
		expect(reread.size).toBe(5);
		expect(reread.recall(['k5'])).toBeUndefined();
		expect(reread.recall(['k6'])).toEqual({ day: 6, flags: 0 });
		const untouched = KeyedMemory.from(memory.toJSON());
		untouched.prune(1, 100);
		expect(untouched.isChanged).toBe(false);
	});

	it('numbers days in UTC', () => {
		expect(dayOf(Date.UTC(2026, 11, 7, 23, 59))).toBe(dayOf(Date.UTC(2026, 11, 7, 0, 0)));
		expect(dateOfDay(dayOf(Date.UTC(2026, 11, 7, 12)))).toBe('2026-12-07');
	});
});
