export { dependencyOrder, readCatalog, type TableInfo } from './backup-catalog.js';
export * from './backup-format.js';
export * from './prepare-restore-target.js';
export * from './read-backup.js';
export * from './restore-backup.js';
export * from './write-backup.js';
