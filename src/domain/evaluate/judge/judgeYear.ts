import type { Scheme } from '../scheme';
import type { Judgment, YearContext } from './context';
import { judgeBands } from './bands';
import { judgeIwamizawa } from './iwamizawa';
import { judgeSaku } from './saku';

/** One year of one KPI under `scheme`; see each scheme's rule. */
export function judgeYear(scheme: Scheme, ctx: YearContext): Judgment {
  switch (scheme.kind) {
    case 'saku':
      return judgeSaku(scheme, ctx);
    case 'iwamizawa':
      return judgeIwamizawa(scheme, ctx);
    case 'bands':
      return judgeBands(scheme, ctx);
  }
}
