import type { EmailStatus } from '../normalize';
import type { EmailVerification, EmailVerifier, LookupOptions, PersonLookup } from '../sources/contracts';
import { asNodeError, isProviderApiError } from '../transport';
import type { LostSends, TransportContext } from '../transport';
import { mapLimit } from '../util/map-limit';
import type { CreditBudget } from './budget';
import { dropEmail, emailPolicy } from './merge';
import type { EmailPolicies } from './merge';
import type { EnrichmentReport, RejectedEmail, Verification } from './result';
import { withLost } from './waterfall';
import type { Subject } from './waterfall';

export interface EmailChecks {
	/** Checks the emails that are due: run after each stage, `last` after the final one. */
	check(subjects: Array<Subject<PersonLookup>>, last: boolean): Promise<void>;
	/** The check of the email the subject ends with, and the emails turned down on its way. */
	reportOf(subject: Subject<PersonLookup>): Pick<EnrichmentReport, 'verification' | 'rejectedEmails'>;
}

/** What the verifier answered about an address, why it could not, or why it was not asked. */
type Verdict = { result: EmailVerification } | { error: string; lost?: LostSends } | { budgetReached: string };

/** The address a subject's email was last checked as, with its status after the check. */
interface Checked {
	email: string;
	status?: EmailStatus;
	verification?: Verification;
}

/**
 * Checks emails with the verifier while the waterfall runs, right after the stage that found them,
 * so that one the policies reject (invalid, or catch-all under `reject`) is dropped while later
 * providers can still be asked for another. Checked are the emails a policy sends to the verifier
 * (`verify`) and, with `verifyFound`, every one taken as found; one kept as a fallback under
 * `continue` is checked only if it is still there after the last provider, since a later
 * provider's verified email would have made the check a waste. Each distinct address is verified
 * once per run, however many people or providers it comes from. A verifier whose quota or
 * credential gives out stops verifying, as it does for an address the budget cannot cover; the
 * emails it did not reach keep their provider's status.
 */
export function emailChecks(
	ctx: TransportContext,
	verifier: EmailVerifier,
	policies: EmailPolicies,
	verifyFound: boolean,
	options: LookupOptions,
	budget?: CreditBudget,
): EmailChecks {
	const verdicts = new Map<string, Verdict>();
	const checked = new Map<Subject<PersonLookup>, Checked>();
	const rejected = new Map<Subject<PersonLookup>, RejectedEmail[]>();
	let stoppedBecause: string | undefined;

	/** The subject's check, while it still describes the email held (not replaced since, nor dropped). */
	const current = (subject: Subject<PersonLookup>): Checked | undefined => {
		const entry = checked.get(subject);
		const { email, emailStatus } = subject.merged.person;
		return entry !== undefined && entry.email === email && entry.status === emailStatus ? entry : undefined;
	};

	const isDue = (subject: Subject<PersonLookup>, last: boolean): boolean => {
		const { email, emailStatus } = subject.merged.person;
		if (email === undefined || emailStatus === 'verified' || current(subject) !== undefined) return false;
		const policy = emailPolicy(policies, emailStatus);
		return policy === 'verify' || (verifyFound && (policy === 'accept' || last));
	};

	/** What a verdict cost: the verification once it came, and what its lost answers are counted as. */
	const costOf = (verdict: Verdict | undefined): number =>
		verdict === undefined || 'budgetReached' in verdict
			? 0
			: 'result' in verdict
				? verifier.creditsPerVerification + (verdict.result.lost?.credits ?? 0)
				: (verdict.lost?.credits ?? 0);

	const verify = async (email: string): Promise<Verdict> => {
		const allowance = await budget?.allow(verifier.provider, 1, (count) => count * verifier.creditsPerVerification);
		if (allowance?.count === 0) return { budgetReached: allowance.reason! };
		let verdict: Verdict | undefined;
		try {
			verdict = {
				result: await verifier.verifyEmail(ctx, email, { maxAttempts: options.maxAttempts, lostPaidAnswers: options.lostPaidAnswers }),
			};
		} catch (error) {
			if (!isProviderApiError(error)) throw asNodeError(ctx.getNode(), error);
			if (isProviderApiError(error, 'quotaExhausted') || isProviderApiError(error, 'auth'))
				stoppedBecause = `verification stopped for this run: ${error.message}`;
			verdict = { error: error.message, lost: error.lost };
		} finally {
			allowance?.settle(costOf(verdict));
		}
		return verdict;
	};

	/** `charged`: the subject the verdict's cost is counted on, the first of those sharing it. */
	const apply = (subject: Subject<PersonLookup>, email: string, verdict: Verdict | undefined, charged: boolean): void => {
		const { merged } = subject;
		const credits = charged ? costOf(verdict) : 0;
		if (verdict === undefined || !('result' in verdict)) {
			checked.set(subject, { email, status: merged.person.emailStatus });
			subject.attempts.push(
				verdict === undefined
					? { provider: verifier.provider, status: 'skipped', credits: 0, reason: stoppedBecause }
					: 'error' in verdict
						? withLost(
								{ provider: verifier.provider, status: 'error', credits, reason: verdict.error },
								charged ? verdict.lost : undefined,
								false,
							)
						: { provider: verifier.provider, status: 'skipped', credits: 0, reason: verdict.budgetReached, budgetReached: true },
			);
			return;
		}
		const { status, score } = verdict.result;
		subject.attempts.push(
			withLost(
				{ provider: verifier.provider, status: 'matched', credits, reason: `email verification: ${status}` },
				charged ? verdict.result.lost : undefined,
				true,
			),
		);
		const verification: Verification = { provider: verifier.provider, status, score };
		if (emailPolicy(policies, status) === 'reject') {
			rejected.set(subject, [...(rejected.get(subject) ?? []), { email, source: merged.sources.email, verification }]);
			dropEmail(merged);
			return;
		}
		merged.person.emailStatus = status;
		if (score !== undefined) merged.person.emailConfidence = score;
		merged.sources.emailStatus = verifier.provider;
		checked.set(subject, { email, status, verification });
	};

	return {
		async check(subjects, last) {
			const byEmail = new Map<string, Array<Subject<PersonLookup>>>();
			for (const subject of subjects.filter((entry) => isDue(entry, last))) {
				const email = subject.merged.person.email!;
				byEmail.set(email, [...(byEmail.get(email) ?? []), subject]);
			}
			await mapLimit([...byEmail.entries()], 2, async ([email, sharing]) => {
				const known = verdicts.get(email);
				const verdict = known ?? (stoppedBecause === undefined ? await verify(email) : undefined);
				if (verdict !== undefined) verdicts.set(email, verdict);
				// One paid verification, however many subjects and stages share the address.
				sharing.forEach((subject, index) => apply(subject, email, verdict, known === undefined && index === 0));
			});
		},
		reportOf(subject) {
			const verification = current(subject)?.verification;
			const rejectedEmails = rejected.get(subject);
			return { ...(verification && { verification }), ...(rejectedEmails && { rejectedEmails }) };
		},
	};
}
