import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n';
// Each stylesheet lives beside what it styles; they load in this one order so the cascade stays
// predictable (a later sheet wins a tie), whichever screen is opened first.
import 'react-day-picker/style.css';
import './app/styles.css';
import './app/shell.css';
import './components/page.css';
import './components/controls.css';
import './components/forms.css';
import './components/day-field.css';
import './components/lists.css';
import './components/customer-picker.css';
import './components/satisfaction-picker.css';
import './features/counter/styles.css';
import './features/customers/styles.css';
import './features/settings/styles.css';
import './components/toast.css';
import './features/reminders/styles.css';
import './features/auth/setup.css';
import './components/headings.css';
import './features/auth/owner-lock.css';
import './components/dialog.css';
import './features/audit/styles.css';
import './features/merge/styles.css';
import './features/archive/styles.css';
import './features/data/styles.css';
import './features/complaints/styles.css';
import './features/loyalty/styles.css';
import './features/referrals/styles.css';
import './features/conflicts/conflicts.css';
import { App } from './app/App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
