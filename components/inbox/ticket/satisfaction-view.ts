import type { Rating } from '../../../core/schemas/satisfaction';
import { ccLabel } from '../cc/cc-list';

/** Each rating has its own shape beside its word, so Good and Bad never differ by colour alone (R-CC-8). */
export const RATING_SHAPE: Record<Rating, string> = {
  good: '☺',
  bad: '☹',
};

/** Who rated, as the CC editor names people; a contact whose address was since removed keeps its name. */
export function raterLabel(rater: { name: string; email: string | null }): string {
  if (rater.email === null) return rater.name;
  return ccLabel({ id: null, email: rater.email, name: rater.name });
}
