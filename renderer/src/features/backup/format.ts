import { useTranslation } from 'react-i18next';

const knownKinds = ['customers', 'visits', 'contacts', 'staff', 'complaints', 'referrals', 'reminders'] as const;
type KnownKind = (typeof knownKinds)[number];

/** "1,200 customers, 15,000 visits, 30 contacts", in the app's language; unknown kinds as their key. */
export const useDescribeCounts = () => {
  const { t, i18n } = useTranslation('data');
  const number = new Intl.NumberFormat(i18n.language);
  return (counts: Record<string, number>): string => {
    const known = knownKinds.filter((kind) => kind in counts).map((kind: KnownKind) => t(`counts.${kind}`, { n: number.format(counts[kind] ?? 0) }));
    const other = Object.keys(counts)
      .filter((kind) => !(knownKinds as readonly string[]).includes(kind))
      .map((kind) => `${number.format(counts[kind] ?? 0)} ${kind}`);
    return [...known, ...other].join(i18n.language === 'en' ? ', ' : '，');
  };
};

export const useFormatBytes = () => {
  const { i18n } = useTranslation();
  return (bytes: number): string => {
    const megabytes = bytes / 1024 / 1024;
    return megabytes >= 1
      ? `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(megabytes)} MB`
      : `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  };
};

export const fileNameOf = (file: string): string => file.split(/[\\/]/).pop() ?? file;
