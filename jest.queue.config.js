/** The queue-mode suite: n8n as main, webhook and worker processes on PostgreSQL and Redis, against the provider sandbox. */
/** @type {import('jest').Config} */
module.exports = { ...require('./jest.e2e.config.js'), roots: ['<rootDir>/test/queue'], verbose: true };
