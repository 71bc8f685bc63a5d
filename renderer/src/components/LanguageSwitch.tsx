import { useTranslation } from 'react-i18next';
import { languages } from '../../../shared/i18n';

const labels = { en: 'English', id: 'Bahasa Indonesia' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span>{t('app.language')}</span>
      <select value={i18n.resolvedLanguage} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {languages.map((lng) => (
          <option key={lng} value={lng}>
            {labels[lng]}
          </option>
        ))}
      </select>
    </label>
  );
}
