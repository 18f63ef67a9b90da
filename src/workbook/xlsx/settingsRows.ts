/** Settings JSON split over cells of column A (Excel keeps at most 32,767 characters per cell). */
export function settingsRows(json: string): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < json.length; i += 30_000) rows.push([json.slice(i, i + 30_000)]);
  return rows.length > 0 ? rows : [['']];
}
