export { WorkProgress } from './WorkProgress';
export type { WorkProgressProps } from './WorkProgress.types';
