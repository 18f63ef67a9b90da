import type { ProblemListProps } from './ProblemList.types';
import { renderProblemList } from './renderProblemList';
import { useProblemList } from './useProblemList';
import { useProblemListStyles } from './useProblemListStyles.styles';

/** Problems with their cell (`シート!E4`); in Excel the cell is a button that selects it. */
export const ProblemList = (props: ProblemListProps) => {
  const state = useProblemList(props);
  const styles = useProblemListStyles();
  return renderProblemList(state, styles);
};
