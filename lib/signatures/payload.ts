/**
 * The bytes a sender signs, laid out by a template such as `{timestamp}.{body}` (Stripe, the generic X-Webhook-Signature)
 * or `{eventId}.{timestamp}.{body}` (Standard Webhooks). The body goes in as the raw bytes received
 * and the other parts as the exact header text: re-serializing anything would change what is signed.
 */
export type PayloadParts = Partial<Record<'body' | 'timestamp' | 'eventId', Buffer | string>>;

const PLACEHOLDER = /\{(body|timestamp|eventId)\}/g;

export const DEFAULT_PAYLOAD_LAYOUT = '{body}';

/** The placeholders a layout uses, so a scheme can be checked for the parts it must supply. */
export function placeholdersOf(layout: string): Array<keyof PayloadParts> {
	return [...layout.matchAll(PLACEHOLDER)].map((match) => match[1] as keyof PayloadParts);
}

export function buildSignedPayload(layout: string, parts: PayloadParts): Buffer {
	const chunks: Buffer[] = [];
	let last = 0;
	for (const match of layout.matchAll(PLACEHOLDER)) {
		chunks.push(Buffer.from(layout.slice(last, match.index), 'utf8'));
		const part = parts[match[1] as keyof PayloadParts] ?? '';
		chunks.push(typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
		last = (match.index ?? 0) + match[0].length;
	}
	chunks.push(Buffer.from(layout.slice(last), 'utf8'));
	return Buffer.concat(chunks);
}
