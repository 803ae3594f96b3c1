export * from './series';
export * from './calendar';
export * from './publication';
