// The one Drizzle schema, split by area; drizzle-kit and the app both read it from here.
export * from './schema/core';
export * from './schema/accounts';
export * from './schema/screening';
export * from './schema/messages';
export * from './schema/activity';
export * from './schema/feedback';
export * from './schema/rights';
export * from './schema/retention';
export * from './schema/notifications';
export * from './schema/safety';
export * from './schema/reports';
export * from './schema/governance';
export * from './schema/support';
