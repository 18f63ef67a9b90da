import type { CellReading } from '../../../src/domain/cells';

const REASONS = new Set(['unpublished', 'no-data', 'ended']);

/** The contract every reading keeps (types.ts + the Engine I issue); returns the broken ones, by name. */
export function invariantViolations(r: CellReading): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, name: string): void => {
    if (!ok) broken.push(name);
  };
  check((r.kind === 'value') === (r.value !== null || r.parts.length > 0), 'value ⇔ (value or parts)');
  check(r.kind !== 'missing' || r.missing !== null, 'missing ⇒ cause');
  check(r.kind !== 'value' || (r.missing === null && r.missingReason === null), 'value ⇒ no cause');
  check(
    !(r.missing === 'excel-error' || r.missing === 'unreadable') || r.problems.length > 0,
    'error/unreadable ⇒ problem',
  );
  check(
    r.missingReason === (r.missing !== null && REASONS.has(r.missing) ? r.missing : null),
    'missingReason follows missing',
  );
  check(r.parts.length === 0 || r.value === null, 'parts ⇒ value null');
  check(typeof r.text === 'string', 'text is a string');
  check(Number.isInteger(r.decimals) && r.decimals >= 0 && r.decimals <= 20, 'decimals 0..20');
  const numbers: (number | null | undefined)[] = [r.value, r.decimals, r.scale, r.secondary];
  for (const p of r.parts) numbers.push(p.value, p.decimals, p.scale);
  for (const y of r.yearValues) numbers.push(y.value, y.fiscalYear);
  check(
    numbers.every((n) => n === null || n === undefined || Number.isFinite(n)),
    'every number finite',
  );
  check(r.scale > 0, 'scale > 0');
  for (const p of r.problems) check(typeof p.message === 'string' && p.message.includes(' / '), 'ja / en message');
  return broken;
}
