export * from './vocabulary';
export * from './issues';
