import type { Refused } from './result';
import { malformed, unauthorized } from './result';

/** Enough for a sender rotating secrets, few enough to bound the work one request causes. */
const MAX_SIGNATURES = 8;

export interface ClaimedSignatures {
	signatures: string[];
	/** The timestamp exactly as sent, when the header carries one. */
	timestamp?: string;
}

/**
 * Stripe's layout, `t=1700000000,v1=<hex>[,v1=<hex>...]`: one timestamp, one or more signatures
 * (several while a secret is being rolled). Other schemes (`v0`) are ignored.
 */
export function parseStripeSignatureHeader(value: string): ClaimedSignatures | Refused {
	let timestamp: string | undefined;
	const signatures: string[] = [];
	for (const element of value.split(',')) {
		const separator = element.indexOf('=');
		if (separator <= 0) return malformed('signature header is not a list of key=value pairs');
		const key = element.slice(0, separator).trim();
		const entry = element.slice(separator + 1).trim();
		if (key === 't') {
			if (timestamp !== undefined) return malformed('signature header carries more than one timestamp');
			timestamp = entry;
		} else if (key === 'v1') {
			signatures.push(entry);
		}
	}
	if (timestamp === undefined) return malformed('signature header carries no timestamp (t=)');
	if (signatures.length === 0) return unauthorized('signature header carries no v1 signature');
	if (signatures.length > MAX_SIGNATURES) return malformed('signature header carries too many signatures');
	return { timestamp, signatures };
}
