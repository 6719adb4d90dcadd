/**
 * The codes Node and axios give a request that got no HTTP answer, each in words and with whether
 * any byte of the request can have reached the server. Every one of them is transient: the same
 * request may get through later. The transport and every credential login read this one table.
 */
interface NetworkError {
	/** n8n replaces an error message that contains a raw socket code with a generic sentence, so messages use these words. */
	words: string;
	/** Raised before the request left (refused, unresolvable, unroutable): the server cannot have acted on it. */
	neverSent: boolean;
}

const NETWORK_ERRORS: Record<string, NetworkError> = {
	ECONNREFUSED: { words: 'the connection was refused', neverSent: true },
	ENOTFOUND: { words: 'the host name was not found', neverSent: true },
	EAI_AGAIN: { words: 'the host name could not be resolved', neverSent: true },
	EHOSTUNREACH: { words: 'the host is unreachable', neverSent: true },
	ENETUNREACH: { words: 'the network is unreachable', neverSent: true },
	ECONNRESET: { words: 'the connection was dropped', neverSent: false },
	EPIPE: { words: 'the connection was dropped', neverSent: false },
	ETIMEDOUT: { words: 'the request timed out', neverSent: false },
	ECONNABORTED: { words: 'the request timed out', neverSent: false },
	ESOCKETTIMEDOUT: { words: 'the request timed out', neverSent: false },
	ERR_NETWORK: { words: 'the network failed', neverSent: false },
};

const known = (code: string | undefined): NetworkError | undefined =>
	code !== undefined && Object.hasOwn(NETWORK_ERRORS, code) ? NETWORK_ERRORS[code] : undefined;

/** Whether a code says the request got no answer at all (and may get one when tried again). */
export function isNetworkErrorCode(code: string | undefined): boolean {
	return known(code) !== undefined;
}

export function networkErrorWords(code: string | undefined): string | undefined {
	return known(code)?.words;
}

export function neverReachedServer(code: string | undefined): boolean {
	return known(code)?.neverSent === true;
}
