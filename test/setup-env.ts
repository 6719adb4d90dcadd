import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const userFolder = join(tmpdir(), 'n8n-nodes-halopsa-b2b-jest');
mkdirSync(userFolder, { recursive: true });
process.env.N8N_USER_FOLDER ??= userFolder;
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-halopsa-b2b-test-key';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
