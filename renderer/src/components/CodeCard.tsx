import { useTranslation } from 'react-i18next';
import type { Code } from '../../../shared/model/types';

const guidance = ['description', 'inclusion', 'exclusion', 'example', 'atypical'] as const;

/** A code's definition and coding guidance, shown beside the codes while the researcher chooses one. */
export function CodeCard({ code }: { code: Code }) {
  const { t } = useTranslation();
  const filled = guidance.filter((field) => code[field].trim() !== '');
  return (
    <aside className="code-card" style={{ borderColor: code.color }} aria-label={code.name}>
      <strong>{code.name}</strong>
      {filled.length === 0 ? null : (
        <dl>
          {filled.map((field) => (
            <div key={field}>
              <dt>{t(`codebook.${field}`)}</dt>
              <dd>{code[field]}</dd>
            </div>
          ))}
        </dl>
      )}
    </aside>
  );
}
