/** The queue-mode suite: n8n as main, webhook and worker processes on PostgreSQL and Redis, against the provider sandbox. */
/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	maxWorkers: 1,
	testTimeout: 600000,
	verbose: true,
};
