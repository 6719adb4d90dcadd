import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { connect } from '../../../lib/destinations/goHighLevel';
import type { GhlAuthentication, GhlConnection } from '../../../lib/destinations/goHighLevel';

/** The location and credential the editor's dropdowns and searches read, as the node is set. */
export async function connection(ctx: ILoadOptionsFunctions): Promise<GhlConnection> {
	return await connect(ctx, ctx.getNodeParameter('authentication', 'privateIntegrationToken') as GhlAuthentication);
}
