import type { IExecuteFunctions } from 'n8n-workflow';

import type { CallOptions } from '../../../lib/transport';
import { CustomFieldCatalog, allowsDuplicateContacts, connect } from '../../../lib/destinations/goHighLevel';
import type { GhlAuthentication, GhlConnection } from '../../../lib/destinations/goHighLevel';

/**
 * What one execution shares across its items: the location and credential, the location's custom
 * fields (read at most once) and its duplicate-contact setting (read at most once).
 */
export class GhlRun {
	readonly customFields: CustomFieldCatalog;
	private duplicates: Promise<boolean | undefined> | undefined;

	private constructor(
		private readonly ctx: IExecuteFunctions,
		readonly connection: GhlConnection,
	) {
		this.customFields = new CustomFieldCatalog(ctx, connection);
	}

	static async start(ctx: IExecuteFunctions): Promise<GhlRun> {
		const authentication = ctx.getNodeParameter('authentication', 0) as GhlAuthentication;
		return new GhlRun(ctx, await connect(ctx, authentication));
	}

	call(itemIndex: number): CallOptions {
		const { maxAttempts } = this.ctx.getNodeParameter('options', itemIndex, {}) as { maxAttempts?: number };
		return { itemIndex, maxAttempts };
	}

	/** Whether an upsert may create a second contact for the same email or phone (unknown: assume so). */
	async duplicatesAllowed(): Promise<boolean> {
		this.duplicates ??= allowsDuplicateContacts(this.ctx, this.connection, this.call(0));
		return (await this.duplicates) !== false;
	}
}
