export { HALO_ENTITIES } from './entities';
export type { HaloEntity, HaloRecord } from './entities';
export { HALO_MAX_PAGE_SIZE, deleteOne, getOne, listAll, listPage, saveBatch } from './api';
export type { HaloPage } from './api';
export { haloPsaProfile } from './profile';
