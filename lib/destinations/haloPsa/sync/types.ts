import type { Company, Person } from '../../../normalize';
import type { HaloRecord } from '../entities';

export type EntityAction = 'created' | 'updated' | 'matched' | 'skipped' | 'failed';

export interface EntityOutcome {
	action: EntityAction;
	id?: number;
	/** How it was matched, why it was skipped, or HaloPSA's refusal. */
	reason?: string;
	/** HaloPSA holds the record as inactive after the run: it was found so and, as configured, left inactive. */
	inactive?: true;
}

export interface ItemSyncResult {
	client?: EntityOutcome;
	site?: EntityOutcome;
	user?: EntityOutcome;
	opportunity?: EntityOutcome;
}

export type WhenNoClient = 'create' | 'catchAll' | 'skip';
export type FieldPolicy = 'fillEmpty' | 'overwrite';
/** What becomes of a matched client, site or contact that HaloPSA holds as inactive. */
export type InactiveRecords = 'leave' | 'reactivate' | 'updateOnly';

export interface OpportunitySettings {
	entity: 'Opportunities' | 'Tickets';
	/** Per item: the summary, which with the contact identifies "the same" opportunity. */
	summary: string;
	details?: string;
	ticketTypeId?: number;
	agentId?: number;
}

export interface SyncSettings {
	whenNoClient: WhenNoClient;
	catchAllClientId?: number;
	/** A site name per item; undefined means the client's main site. */
	siteName?: string;
	fieldPolicy: FieldPolicy;
	/** HaloPSA fields the sync may write on matched records (clients and users). */
	updatableFields: string[];
	/**
	 * Matched clients, sites and contacts HaloPSA holds as inactive: left as they are, reactivated (and
	 * updated), or updated and left inactive. Either way they are matched, never created again.
	 */
	inactiveRecords: InactiveRecords;
	batchSize: number;
	dryRun: boolean;
}

/** One item's wish: who and what should exist in HaloPSA. */
export interface SyncInput {
	person?: Person;
	company?: Company;
	/** Per item because the user templates them (expressions). */
	siteName?: string;
	opportunity?: OpportunitySettings;
	customFields?: { client?: HaloRecord['customfields']; user?: HaloRecord['customfields'] };
}
