import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ToastMessage {
  id: number;
  text: string;
  /** warning: done, with something the person should know (saved, but not reachable now). */
  tone: 'success' | 'warning' | 'error';
  action?: { label: string; run: () => void };
}

type Show = (message: Omit<ToastMessage, 'id'>) => void;

const ToastContext = createContext<Show>(() => {});

export const useToast = (): Show => useContext(ToastContext);

/** Short confirmations ("Visit logged — Undo") announced to screen readers. */
export const ToastProvider = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const [messages, setMessages] = useState<ToastMessage[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setMessages((current) => current.filter((message) => message.id !== id)), []);
  const show = useCallback<Show>(
    (message) => {
      const id = nextId.current++;
      setMessages((current) => [...current.slice(-2), { ...message, id }]);
      // Longer for what has a button to press or something to read and act on.
      setTimeout(() => dismiss(id), message.action || message.tone !== 'success' ? 10_000 : 5_000);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {messages.map((message) => (
          <div key={message.id} className={`toast toast-${message.tone}`}>
            <span>{message.text}</span>
            {message.action && (
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  message.action?.run();
                  dismiss(message.id);
                }}
              >
                {message.action.label}
              </button>
            )}
            <button type="button" className="toast-close" aria-label={t('actions.close')} onClick={() => dismiss(message.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
};
