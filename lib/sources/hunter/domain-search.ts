import { NodeOperationError } from 'n8n-workflow';

import { normalizeDomain, num, text } from '../../normalize';
import type { DomainSearcher } from '../contracts';
import { hunterGet } from './call';
import { hunterCompany, hunterPersonRecord } from './map';
import type { HunterDomainData, HunterEmail } from './types';

/** Hunter's largest page; plans may cap it lower, and Hunter then says so in a 400. */
const MAX_LIMIT = 100;

const joined = (values: string[] | undefined) => {
	const cleaned = (values ?? []).map(text).filter((value): value is string => value !== undefined);
	return cleaned.length > 0 ? cleaned.join(',') : undefined;
};

/** Everyone Hunter knows at a domain (or company), paged by offset. */
export const hunterDomainSearcher: DomainSearcher = {
	provider: 'hunter',
	maxPageSize: MAX_LIMIT,
	async searchDomain(ctx, query, offset, limit, options) {
		const domain = normalizeDomain(query.domain);
		const company = text(query.companyName);
		if (domain === undefined && company === undefined) {
			throw new NodeOperationError(ctx.getNode(), "Hunter's domain search needs a domain or a company name");
		}
		const qs = {
			// Hunter prefers the domain when both are given; sending one keeps the answer unambiguous.
			...(domain !== undefined ? { domain } : { company }),
			limit: Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit))),
			offset: Math.max(0, Math.floor(offset)),
			type: query.type,
			seniority: joined(query.seniority),
			department: joined(query.department),
		};
		const { body } = await hunterGet<HunterDomainData>(ctx, { path: '/domain-search', qs }, options);
		const data = body.data ?? {};
		const found = hunterCompany(data);
		const emails = Array.isArray(data.emails) ? data.emails : [];
		return {
			domain: found.domain ?? domain ?? '',
			pattern: text(data.pattern),
			company: Object.keys(found).length > 0 ? found : undefined,
			people: emails.map((email: HunterEmail) => hunterPersonRecord(email, found)),
			total: num(body.meta?.results),
			raw: body,
		};
	},
};
