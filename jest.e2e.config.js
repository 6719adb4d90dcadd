/** The end-to-end suite: the packed package in a real n8n 2.x, against the provider sandbox. */
/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	// One n8n at a time: the suite starts real n8n processes on fixed ports.
	maxWorkers: 1,
	testTimeout: 600000,
};
