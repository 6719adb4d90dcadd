import type { IHookFunctions } from 'n8n-workflow';

/**
 * Webhook methods for senders that cannot be registered through an API (HighLevel's marketplace
 * app settings, a provider's dashboard): the URL is entered in the sender by hand, so activation
 * has nothing to check, create or remove. n8n still calls them, and the node says so.
 */
export const registeredBySender = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async create(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		return true;
	},
};
