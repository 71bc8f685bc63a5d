import { useTranslation } from 'react-i18next';
import { useRead } from '../../api/queries';

/** One case attribute and one of its values, e.g. generation = Gen Z; empty means every case. */
export function SubsetPicker(props: { value: { name: string; value: string } | null; onChange(value: { name: string; value: string } | null): void; label?: string }) {
  const { t } = useTranslation();
  const cases = useRead('cases.list', {});
  const options = [...new Set((cases.data ?? []).flatMap((c) => Object.entries(c.attributes).map(([name, value]) => `${name}\u0000${value}`)))].sort();
  return (
    <label>
      {props.label ?? t('charts.subset')}
      <select
        value={props.value ? `${props.value.name}\u0000${props.value.value}` : ''}
        onChange={(e) => {
          const [name, value] = e.target.value.split('\u0000');
          props.onChange(name && value !== undefined ? { name, value } : null);
        }}
      >
        <option value="">{t('charts.allCases')}</option>
        {options.map((option) => {
          const [name, value] = option.split('\u0000');
          return (
            <option key={option} value={option}>
              {name} = {value}
            </option>
          );
        })}
      </select>
    </label>
  );
}
