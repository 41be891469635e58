/*
 * The one index of test support: databases and their reset, people and contexts, and needs in every
 * state, reached through the domain functions. Tests import from here.
 */
export { createTestDatabase, resetDatabase, type TestDatabase } from './db/test-db';
export * from './needs/test-factory';
export * from './ledger/test-factory';
export * from './delivery/test-factory';
export * from './files/test-factory';
