import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS } from '../../lib/signatures';
import type { HmacScheme } from '../../lib/signatures';

export type PresetName = 'apollo' | 'apolloUrlSecret' | 'seedGeneric' | 'github' | 'stripe' | 'custom';

/** Apollo posts phone reveal results unsigned, so the secret travels in the webhook URL instead. */
export const URL_SECRET_PRESET = 'apolloUrlSecret';

/** Long enough that guessing the URL is not an option. */
export const MIN_URL_SECRET_CHARS = 16;

export interface Preset {
	scheme: HmacScheme;
	/** A signed body field naming the event, for refusing replays. */
	eventIdBodyField?: string;
	/** Headers worth handing to the workflow (never the signature). */
	passHeaders?: string[];
}

/**
 * `apollo` is the signed form some Apollo integrations describe (hex HMAC-SHA256 of the body in
 * x-apollo-signature, no timestamp); Apollo's own phone reveal callbacks are unsigned (URL_SECRET_PRESET).
 * The generic scheme names the X-Webhook-Signature header and the 300 s tolerance but not
 * where the timestamp travels: X-Webhook-Timestamp signed as `{timestamp}.{body}` is this
 * package's reading, and Custom covers a sender that differs. GitHub signs the body alone, so
 * only the body can protect against replays; Stripe signs `{t}.{body}` and its events carry `id`.
 */
export const PRESETS: Record<Exclude<PresetName, 'custom' | typeof URL_SECRET_PRESET>, Preset> = {
	apollo: { scheme: { signatureHeader: 'x-apollo-signature', algorithm: 'sha256', encoding: 'hex' } },
	seedGeneric: {
		scheme: {
			signatureHeader: 'X-Webhook-Signature',
			algorithm: 'sha256',
			encoding: 'hex',
			timestampHeader: 'X-Webhook-Timestamp',
			payloadLayout: '{timestamp}.{body}',
			toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
		},
		passHeaders: ['x-webhook-timestamp'],
	},
	github: {
		scheme: { signatureHeader: 'X-Hub-Signature-256', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' },
		passHeaders: ['x-github-event', 'x-github-delivery', 'x-github-hook-id'],
	},
	stripe: {
		scheme: {
			signatureHeader: 'Stripe-Signature',
			headerFormat: 'stripe',
			algorithm: 'sha256',
			encoding: 'hex',
			payloadLayout: '{timestamp}.{body}',
			toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
		},
		eventIdBodyField: 'id',
	},
};

/** The parameters the Custom scheme is read from. */
export const CUSTOM_FIELDS = [
	'signatureHeader',
	'headerFormat',
	'algorithm',
	'encoding',
	'prefix',
	'timestampHeader',
	'payloadLayout',
	'eventIdHeader',
];

const optional = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The scheme the node's parameters describe: a preset, or the Custom fields. */
export function schemeFromParameters(
	preset: Exclude<PresetName, typeof URL_SECRET_PRESET>,
	custom: IDataObject,
	toleranceSeconds: number,
): Preset {
	if (preset !== 'custom') {
		const chosen = PRESETS[preset];
		return { ...chosen, scheme: { ...chosen.scheme, toleranceSeconds } };
	}
	const eventIdHeader = optional(custom.eventIdHeader);
	const timestampHeader = optional(custom.timestampHeader);
	return {
		scheme: {
			signatureHeader: String(custom.signatureHeader ?? ''),
			headerFormat: custom.headerFormat === 'stripe' ? 'stripe' : 'plain',
			algorithm: custom.algorithm as HmacScheme['algorithm'],
			encoding: custom.encoding as HmacScheme['encoding'],
			prefix: optional(custom.prefix),
			timestampHeader,
			payloadLayout: optional(custom.payloadLayout),
			toleranceSeconds,
			eventIdHeader,
			multipleSignatures: true,
		},
		passHeaders: [timestampHeader, eventIdHeader].filter((header): header is string => header !== undefined),
	};
}
