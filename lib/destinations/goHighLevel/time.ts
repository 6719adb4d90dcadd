const HOUR = 3_600_000;

/** A date, or a date and time, with no offset: anything with one is left to Date.parse. */
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** Whether Intl knows the zone: HighLevel answers slots in an IANA zone, and an unknown one would fail there. */
export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** Milliseconds the zone's clocks are ahead of UTC at that instant. */
function offsetAt(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value);
	const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a value names. n8n's date picker gives a wall time without an offset, which is read in
 * `timeZone` (the workflow's); a value with an offset, epoch milliseconds, a Date or a Luxon DateTime
 * (what `$now` gives) names its own instant. Undefined when it names none.
 */
export function toInstant(value: unknown, timeZone: string): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (value === null || value === undefined) return undefined;
	const raw = String(value).trim();
	if (raw === '') return undefined;
	const wall = WALL_TIME.exec(raw);
	if (wall === null) {
		const parsed = Date.parse(raw);
		return Number.isNaN(parsed) ? undefined : parsed;
	}
	const [year, month, day, hour, minute, second] = wall.slice(1, 7).map((field) => Number(field ?? 0));
	const millis = Number((wall[7] ?? '').padEnd(3, '0'));
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
	// The zone's offset on either side of the wall time (no zone moves its clocks twice within 28 hours).
	const offsets = [offsetAt(asUtc - 14 * HOUR, timeZone), offsetAt(asUtc + 14 * HOUR, timeZone)];
	const fits = offsets.map((offset) => asUtc - offset).filter((instant) => offsetAt(instant, timeZone) === asUtc - instant);
	// Clocks went back: the first of the two instants. Clocks skipped that hour: moved on with them, on the earlier offset.
	return fits.length > 0 ? Math.min(...fits) : asUtc - offsets[0];
}
