import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { TestCredentialsHelper, probeNodeType, runNode, testCredential } from '../harness';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { ProviderProfile } from '../../lib/transport';

/** Fast retries: the flows under test are the credentials', not the transport's backoff. */
const RETRY = { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 3 };

export interface Flow {
	helper: TestCredentialsHelper;
	credentialId: string;
	/** One probe request per item, as a node would send them, through n8n-core. */
	run(items: Array<{ method: string; path: string; qs?: object; body?: object }>, continueOnFail?: boolean): Promise<INodeExecutionData[]>;
	/** n8n's "Test connection" for this credential. */
	test(): ReturnType<typeof testCredential>;
	/** The credential as n8n has it stored now (tokens written back included). */
	stored(): ICredentialDataDecryptedObject;
}

export function credentialFlow(profile: ProviderProfile, data: ICredentialDataDecryptedObject): Flow {
	const helper = new TestCredentialsHelper();
	const id = String(helper.add(profile.credentialType, data).id);
	const nodeType = probeNodeType(profile, RETRY);
	return {
		helper,
		credentialId: id,
		run: async (items, continueOnFail = false) => {
			const output = await runNode({
				nodeType,
				helper,
				parameters: {},
				credentials: { [profile.credentialType]: { id, name: 'flow' } },
				input: items.map((json) => ({ json: json as never })),
				continueOnFail,
			});
			return output[0];
		},
		test: async () => await testCredential(helper, id),
		stored: () => helper.stored(id).data,
	};
}

/** One sandbox per test file, reset before each test. */
export function useSandbox(): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	beforeEach(() => sandbox?.reset());
	afterAll(async () => await sandbox?.stop());
	return () => {
		if (sandbox === undefined) throw new Error('sandbox not started');
		return sandbox;
	};
}

/** Everything a run exposes to a user: outputs and errors, serialized for secret checks. */
export function exposed(...values: unknown[]): string {
	return values
		.map((value) =>
			value instanceof Error ? JSON.stringify(value, Object.getOwnPropertyNames(value)) + String(value.stack) : JSON.stringify(value),
		)
		.join('\n');
}

export async function failureOf(promise: Promise<unknown>): Promise<Error & { kind?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as Error & { kind?: string };
	}
	throw new Error('expected a failure');
}
