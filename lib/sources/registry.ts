import type { ProviderName } from '../normalize';
import { apolloModule } from './apollo';
import type { ProviderModule } from './contracts';
import { hunterModule } from './hunter';
import { upLeadModule } from './upLead';
import { zoomInfoModule } from './zoomInfo';

export const PROVIDER_MODULES: Record<ProviderName, ProviderModule> = {
	apollo: apolloModule,
	zoomInfo: zoomInfoModule,
	hunter: hunterModule,
	upLead: upLeadModule,
};

export function providerModules(names: ProviderName[]): ProviderModule[] {
	return names.map((name) => PROVIDER_MODULES[name]);
}
