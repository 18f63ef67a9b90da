/**
 * A fake Excel for the Office adapter's tests (src/workbook/office): the subset of Office.js the adapter uses,
 * typed against @types/office-js, enforcing the real API's rules — properties readable only after load + sync
 * (PropertyNotLoaded), `values`/`numberFormat` shaped like the range (InvalidArgument), 5 MB per request and per
 * response (Request/ResponsePayloadSizeLimitExceeded), sheet-name rules (ItemAlreadyExists, InvalidArgument),
 * protection (AccessDenied), merged areas (values in the top-left cell only; writing inside one is refused),
 * `*OrNullObject` with isNullObject, 512 merged areas per call, Excel's typing rules for strings, and the host's
 * requirement set (`excelApi`: `getRanges` and `ConditionalFormat.getRanges` are ApiNotFound before 1.9; colour
 * rules may apply to several ranges through RangeAreas). It counts syncs and payload bytes. `installFakeExcel()`
 * puts it on globalThis as `Excel` and `Office`.
 */
export { installFakeExcel } from './fakeExcel/install';
export type { FakeExcel, FakeExcelOptions } from './fakeExcel/install';
export { FakeWorkbook, FakeSheet, key, parseAddress, boxAddress, MAX_COLS } from './fakeExcel/state';
export type { FakeCell, FakeRule, FakeChart } from './fakeExcel/state';
export { FakeOfficeError } from './fakeExcel/errors';
export { bookFromGrids, bookCells } from './fakeExcel/fromGrid';
export { typeInto } from './fakeExcel/typing';
