/**
 * Everything the task pane calls in the engine, in one module so that it becomes one lazily loaded chunk
 * (`engine`): the pane's first screen opens without it. Import it only through `loadEngine()`.
 */
export { runEvaluation } from '../../domain/pipeline';
export { parseSettingsText } from '../../domain/settings';
export { parseBackupRows } from '../../domain/plan/backup';
export { PRESET_IDS, presetScheme, categoriesOf, resolveScheme } from '../../domain/evaluate';
