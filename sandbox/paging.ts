/** List helpers shared by the providers: text search, ordering and slicing pages. */

/** Case-insensitive substring match over a record's searchable values. */
export function matchesText(values: unknown[], needle: string | undefined): boolean {
	if (needle === undefined || needle === '') return true;
	const lower = needle.toLowerCase();
	return values.some((value) => value !== null && value !== undefined && String(value).toLowerCase().includes(lower));
}

/** Sorts a copy by one field; numbers numerically, everything else as text; missing values last. */
export function orderBy<T extends object>(items: T[], field: string | undefined, descending = false): T[] {
	if (!field) return descending ? [...items].reverse() : items;
	const value = (item: T): unknown => (item as Record<string, unknown>)[field];
	return [...items].sort((a, b) => {
		const [x, y] = [value(a), value(b)];
		if (x === y) return 0;
		if (x === undefined || x === null) return 1;
		if (y === undefined || y === null) return -1;
		const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
		return descending ? -order : order;
	});
}

/** 1-based page of `size` items. */
export function pageOf<T>(items: T[], page: number, size: number): T[] {
	const start = (page - 1) * size;
	return items.slice(start, start + size);
}

export function totalPages(total: number, size: number): number {
	return size > 0 ? Math.ceil(total / size) : 0;
}

/** Case-insensitive membership, for filters given as lists. */
export function inList(value: string | undefined | null, list: string[] | undefined): boolean {
	if (!list || list.length === 0) return true;
	if (!value) return false;
	const lower = value.toLowerCase();
	return list.some((item) => item.toLowerCase() === lower);
}
