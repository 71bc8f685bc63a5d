import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs, languages, type Language } from '../../../shared/i18n';

const STORAGE_KEY = 'tematik.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (languages as readonly string[]).includes(stored)) return stored as Language;
  return navigator.language.toLowerCase().startsWith('id') ? 'id' : 'en';
}

export async function setupI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: catalogs.en }, id: { translation: catalogs.id } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    // React escapes what it renders; i18next must not escape a second time.
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    localStorage.setItem(STORAGE_KEY, lng);
    document.documentElement.lang = lng;
  });
}
