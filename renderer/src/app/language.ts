import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../shared/locale';

/** The language the app is showing now, as one of the three it speaks. */
export const useAppLanguage = (): Language => {
  const { i18n } = useTranslation();
  return (languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
};
