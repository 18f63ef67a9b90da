/** Grid → KPI tables: detection of both layout families (SPEC §2). */
export { detect } from './detect';
export { defaultSynonyms } from './synonyms';
export { tableMappingSchema, synonymsSchema } from './settings';
export type { DetectOptions, Role, Synonyms, TableMapping, MappedYearColumn } from './types';
