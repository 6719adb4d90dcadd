import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import type { KeyObject } from 'crypto';

import { parsePublicKey, unauthorized, verifyAsymmetric } from '../../lib/signatures';
import type { SignedRequest, VerifyResult } from '../../lib/signatures';

/** HighLevel's published Ed25519 webhook key (SPKI, base64); a node parameter so a rotation needs no release. */
export const HIGHLEVEL_ED25519_SPKI = 'MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=';

export const ED25519_HEADER = 'x-ghl-signature';
export const RSA_HEADER = 'x-wh-signature';

export interface HighLevelKeys {
	ed25519: KeyObject;
	/** Only when the user supplied HighLevel's RSA key: the legacy scheme is off otherwise. */
	rsa?: KeyObject;
}

/** The configured keys; a key that does not parse is a setup error, reported as such. */
export function highLevelKeys(node: INode, ed25519Text: string, rsaText: string): HighLevelKeys {
	const ed25519 = parsePublicKey(ed25519Text || HIGHLEVEL_ED25519_SPKI, 'ed25519');
	if (ed25519 === undefined) throw new NodeOperationError(node, 'The Ed25519 public key is not a valid Ed25519 key (PEM, or base64 SPKI)');
	if (rsaText.trim() === '') return { ed25519 };
	const rsa = parsePublicKey(rsaText, 'rsa-sha256');
	if (rsa === undefined) throw new NodeOperationError(node, 'The legacy RSA public key is not a valid RSA key (PEM, or base64 SPKI)');
	return { ed25519, rsa };
}

/**
 * X-GHL-Signature (Ed25519) whenever it is present, so a request carrying both headers is held to
 * the current scheme; X-WH-Signature (RSA-SHA256) only without it and only when its key is set.
 */
export function highLevelVerifier(keys: HighLevelKeys): (request: SignedRequest) => VerifyResult {
	return (request) => {
		if (request.headers[ED25519_HEADER] !== undefined)
			return verifyAsymmetric({ signatureHeader: ED25519_HEADER, algorithm: 'ed25519', key: keys.ed25519 }, request);
		if (keys.rsa !== undefined && request.headers[RSA_HEADER] !== undefined) {
			return verifyAsymmetric({ signatureHeader: RSA_HEADER, algorithm: 'rsa-sha256', key: keys.rsa }, request);
		}
		return unauthorized(`missing ${ED25519_HEADER} header`);
	};
}
