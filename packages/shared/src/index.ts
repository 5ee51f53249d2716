export * from './common/errors.js';
export * from './common/primitives.js';
export * from './health/schemas.js';
export * from './editions/timeline.js';
export * from './editions/schemas.js';
export * from './leaderboard/schemas.js';
export * from './announcements/schemas.js';
export * from './realtime/events.js';
