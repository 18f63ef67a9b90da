/** A point of a KPI's series: (fiscal year, value). */
export type Point = readonly [x: number, y: number];

/** A straight line `y = intercept + slope·x`. */
export interface Line {
  slope: number;
  intercept: number;
}

/** The line's value at `x`. */
export function lineAt(line: Line, x: number): number {
  return line.intercept + line.slope * x;
}
