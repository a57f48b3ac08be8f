import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PickedCustomer } from '../../components/CustomerPicker';
import { ContactForm } from './ContactForm';
import { RecentVisits } from './RecentVisits';
import { usePreselectedCustomer } from './usePreselectedCustomer';
import { VisitForm } from './VisitForm';

type Mode = 'visit' | 'contact';

/** A new "Log visit" from a profile starts the counter afresh with that customer. */
export const CounterPage = () => {
  const [params] = useSearchParams();
  return <Counter key={params.get('customer') ?? ''} />;
};

const Counter = () => {
  const { t } = useTranslation(['counter', 'common']);
  const [params, setParams] = useSearchParams();
  const mode: Mode = params.get('mode') === 'contact' ? 'contact' : 'visit';
  const [picked, setPicked] = usePreselectedCustomer(params.get('customer'));

  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);

  const choose = (next: PickedCustomer | null) => setPicked(next);
  const switchTo = (next: Mode) => {
    if (next === 'contact' && picked?.kind === 'walk-in') setPicked(null);
    setParams(next === 'contact' ? { mode: 'contact', ...(picked?.kind === 'customer' ? { customer: picked.customer.id } : {}) } : {}, { replace: true });
  };

  return (
    <section className="page counter" aria-labelledby="counter-title">
      <header className="page-header">
        <h1 id="counter-title">{t('title')}</h1>
        <div className="segmented" role="tablist" aria-label={t('title')}>
          {(['visit', 'contact'] as const).map((option) => (
            <button key={option} type="button" role="tab" aria-selected={mode === option} className={mode === option ? 'segment active' : 'segment'} onClick={() => switchTo(option)}>
              {t(`modes.${option}`)}
            </button>
          ))}
        </div>
      </header>
      <div className="counter-columns">
        {mode === 'visit' ? (
          <VisitForm picked={picked} onPick={choose} />
        ) : (
          <ContactForm picked={picked?.kind === 'customer' ? picked : null} onPick={choose} />
        )}
        <RecentVisits />
      </div>
    </section>
  );
};
