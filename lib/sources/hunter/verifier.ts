import { isValidEmail, normalizeEmail, num } from '../../normalize';
import { transportClock } from '../../transport';
import type { EmailVerification, EmailVerifier } from '../contracts';
import { hunterGet } from './call';
import { hunterEmailStatus } from './map';
import type { HunterVerifierData } from './types';

/** A verification that may carry why it is inconclusive (still running at Hunter, or never sent). */
export interface HunterVerification extends EmailVerification {
	note?: string;
}

/**
 * Waits between polls while Hunter answers 202 (still verifying): short at first so quick checks
 * come back quickly, then up to 5 s; 10 calls over about 28 s in all, so one slow mail server
 * cannot hold a run for long.
 */
export const DEFAULT_POLL_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 4000, 5000, 5000, 5000, 5000];

export function createHunterVerifier(pollDelaysMs: readonly number[] = DEFAULT_POLL_DELAYS_MS): EmailVerifier {
	const verifier: EmailVerifier = {
		provider: 'hunter',
		// Hunter counts a verification when it answers; the 202s while it is still checking are not counted.
		creditsPerVerification: 1,
		async verifyEmail(ctx, address, options = {}): Promise<HunterVerification> {
			const email = normalizeEmail(address) ?? '';
			if (!isValidEmail(email)) {
				// Hunter would refuse it with a 400; the answer is known without spending a call.
				return { email, status: 'invalid', raw: null, note: 'Not a syntactically valid email address; not sent to Hunter.' };
			}
			const paid = { credits: verifier.creditsPerVerification };
			// A lost send is counted at what the answer to the same poll cost: a verdict's price, or nothing for a 202.
			const lost = { sends: 0, credits: 0 };
			let waitedMs = 0;
			for (let poll = 0; ; poll++) {
				const response = await hunterGet<HunterVerifierData>(
					ctx,
					{ path: '/email-verifier', qs: { email }, bucket: 'verifier', paid },
					options,
				);
				lost.sends += response.lostSends;
				const data = response.body.data ?? {};
				if (response.status !== 202) {
					lost.credits += response.lostSends * paid.credits;
					const status = hunterEmailStatus(data.status ?? data.result, 'unknown');
					return { email, status, score: num(data.score), raw: response.body, ...(lost.sends > 0 && { lost }) };
				}
				if (poll >= pollDelaysMs.length) {
					const note = `Hunter was still verifying after ${poll + 1} calls over ${Math.round(waitedMs / 1000)} s; verify again later.`;
					return { email, status: 'unknown', raw: response.body, note, ...(lost.sends > 0 && { lost }) };
				}
				await transportClock.sleep(pollDelaysMs[poll]);
				waitedMs += pollDelaysMs[poll];
			}
		},
	};
	return verifier;
}

export const hunterVerifier = createHunterVerifier();
