import { Caption1, Link } from '@fluentui/react-components';
import type { ProblemListState } from './ProblemList.types';
import type { ProblemListStyles } from './useProblemListStyles.styles';

export function renderProblemList(state: ProblemListState, styles: ProblemListStyles) {
  const select = state.onSelectRange;
  return (
    <ul className={styles.list} aria-label={state.label}>
      {state.items.map((item) => (
        <li key={item.key} className={styles.item}>
          {select && item.sheet !== null && item.cell !== null ? (
            <Link
              as="button"
              className={styles.location}
              onClick={(ev) => select(ev, { sheet: item.sheet as string, range: item.cell as string })}
            >
              {item.location}
            </Link>
          ) : (
            <Caption1 className={styles.location}>{item.location}</Caption1>
          )}
          <Caption1 className={styles.message}>{item.message}</Caption1>
        </li>
      ))}
    </ul>
  );
}
