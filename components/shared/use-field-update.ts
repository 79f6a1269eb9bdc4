import { i18n } from '#i18n';
import { computed, ref, type WatchSource } from 'vue';
import { useCustomFields } from '../../composables/use-custom-fields';
import { fieldPick, updatableFields } from './field-update';

const LABELS = {
  status: 'fieldUpdate.status',
  priority: 'fieldUpdate.priority',
  category: 'fieldUpdate.category',
  product: 'fieldUpdate.product',
  account: 'fieldUpdate.account',
} as const;

/**
 * "Update a field" for the bar and the mass panel: the fields offered (the standard ones, and the
 * department's custom fields when one department is in play), the picked field and typed value,
 * and the payload they make or what is still missing.
 */
export function useFieldUpdate(departmentId: WatchSource<number | null>) {
  const { definitions } = useCustomFields(departmentId);
  const field = ref<string | null>(null);
  const input = ref('');
  const fields = computed(() => updatableFields(definitions.value, (f) => i18n.t(LABELS[f])));
  const pick = computed(() => fieldPick(fields.value, field.value, input.value, { pickField: i18n.t('fieldUpdate.pickField'), pickValue: i18n.t('fieldUpdate.pickValue') }));
  return { fields, field, input, pick };
}
