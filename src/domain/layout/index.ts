/**
 * Grid → KPI tables: detection of both layout families (SPEC §2). The public face of `domain/layout`.
 *
 * `detect(sheets, options)` scans each sheet once (cheap type/length/first-character checks before any
 * normalisation or regex), finds header rows by their words, and assembles `Kpi`s:
 * - year-column blocks: a header with ≥ 2 year cells and 目安値/実績値/進捗区分 (計画/実績) labels in one column
 *   left of the years (000 seed lines 319–339, 002 seed lines 48–65). One header may serve many blocks; a block
 *   ends when a label repeats or goes back. The 小諸 variant takes its name and unit from the `指標名` and
 *   `単位` rows above the header; its target is the last year's 計画 value (there is no target cell).
 * - row per KPI: a header with a name word and ≥ 2 of baseline / target / 実績 (or a year) / 状況
 *   (001 seed line 235, 004 seed line 267), with a year sub-header row and source notes under the table read
 *   when present.
 * A `TableMapping` replaces detection inside its range (validated with `tableMappingSchema`; an invalid one is
 * reported as `mapping-invalid` and ignored). Synonyms given in the options are added to `defaultSynonyms`.
 *
 * Problems: every non-empty cell inside a table's KPI rows that no role claims (`unrecognised-cell`), every
 * cell-reading problem with its address, header problems (`year-typo`, `year-unparsed`, `duplicate-year`),
 * `missing-actual-row` (block not turned into a KPI), `missing-year-header` (labels with no year header: no KPI),
 * `unit-mismatch` (value left null), `compound-mismatch`, `no-kpi-table` (a mapping that found nothing).
 * `Detection.problems` lists each problem once; a KPI's own are also on `kpi.problems`, a table's on
 * `table.problems`. Nothing outside a detected table is reported.
 */
export { detect } from './detect';
export { defaultSynonyms, mergeSynonyms } from './synonyms';
export { tableMappingSchema, tableMappingsSchema, synonymsSchema } from './settings';
export type { DetectOptions, MappedYearColumn, Role, Synonyms, TableMapping } from './types';
