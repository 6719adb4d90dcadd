import type { NodeResource } from '../../../../lib/node-kit';

import { RESOURCES } from '../resources';
import * as create from './create.operation';
import * as remove from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import { entityProperties } from './fields';

const CRUD = { create, delete: remove, get, getMany, update };

/** Client, Site, User, Opportunity and Ticket: the same five operations, each resource with its own fields. */
export const ENTITY_RESOURCES: Record<string, NodeResource> = Object.fromEntries(
	Object.entries(RESOURCES).map(([resource, definition]) => [
		resource,
		{ description: entityProperties(resource, definition), operations: CRUD },
	]),
);
