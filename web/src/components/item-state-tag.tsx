/** An item's review state as a coloured tag, named as the server core names it. */
import { Tag } from 'antd';
import { REVIEW_STATES, STATE_COLORS } from '../disclosure-labels.js';
import type { ReviewState } from '../disclosure-types.js';

/** The state tag. */
export function ItemStateTag({ state }: { state: ReviewState }) {
  return <Tag color={STATE_COLORS[state]}>{REVIEW_STATES[state] ?? state}</Tag>;
}
