/** Users paste URLs with a trailing slash or stray spaces; joining those naively yields `//path`, which some servers reject. */
export function trimTrailingSlashes(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

export function joinUrl(base: string, path: string): string {
	return `${trimTrailingSlashes(base)}/${path.replace(/^\/+/, '')}`;
}
